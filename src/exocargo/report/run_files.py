"""The files of a run, named once: what each step of a list writes, and what the index reads.

The workflow fills a :class:`ListFiles` per list from its rules' outputs and a :class:`RunFiles`
for the index; the list page, the index, its status column, the downloads table and the zip all
read these records, so a new output is added here and nowhere else. Both are plain data (strings,
dicts), so they travel through Snakemake params and are rebuilt with ``from_record``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

# Each step of a list and the fields of ListFiles it writes, in run order: the index's status
# says which step's outputs are missing first.
LIST_STEPS = (
    ("names", ("source", "names", "sentences", "mentions")),
    ("relations", ("relations",)),
    ("mapping", ("mapping", "summary", "entrez", "pfocr_agreement")),
    ("enrichment", ("enrichment", "enrichment_columnar", "enrichment_facts", "enrichment_plots", "enrichment_maps")),
    ("cargo", ("cargo", "validated", "network_plot", "mirna_enrichment")),
    ("report", ("report", "workbook")),
)
# Per-library outputs: {library: path}.
PER_LIBRARY = ("enrichment", "enrichment_columnar", "enrichment_facts", "enrichment_plots", "enrichment_maps")
# Tables a user downloads (the index links them, the zip holds them); the rest are plots and JSON.
TABLES = (
    "names",
    "mentions",
    "mapping",
    "summary",
    "entrez",
    "pfocr_agreement",
    "enrichment",
    "relations",
    "cargo",
    "validated",
    "mirna_enrichment",
)
EXTRAS = ("source", "enrichment_columnar", "enrichment_facts", "enrichment_plots", "enrichment_maps", "network_plot")
STEP_OF = {key: step for step, keys in LIST_STEPS for key in keys}


@dataclass(frozen=True)
class ListFiles:
    """Where each step of one list writes, and the logs of its jobs."""

    list_id: str
    kind: str
    description: str
    source: str
    names: str
    sentences: str
    mapping: str
    summary: str
    entrez: str
    enrichment: dict[str, str]
    enrichment_facts: dict[str, str]
    enrichment_plots: dict[str, str]
    enrichment_maps: dict[str, str]
    cargo: str
    network_plot: str
    mirna_enrichment: str
    report: str
    workbook: str
    logs: dict[str, list[str]] = field(default_factory=dict)
    pfocr_agreement: str | None = None  # PFOCR figure records only
    # {library: Parquet copy of the enrichment TSV}, what the report reads; empty: read the TSVs.
    enrichment_columnar: dict[str, str] = field(default_factory=dict)
    # The last step that runs before the report ("names" for a GMT that failed to parse when the
    # run was planned); empty: every step runs.
    stops_after: str = ""
    # Prose outputs: every mention with offsets, the stated relations, the database-only cargo targets
    # (empty: not part of this run's layout).
    mentions: str = ""
    relations: str = ""
    validated: str = ""

    def runs(self, step: str) -> bool:
        """Whether the step's jobs are part of the run (the report always is)."""
        steps = [name for name, _ in LIST_STEPS]
        if not self.stops_after or step == "report":
            return True
        return steps.index(step) <= steps.index(self.stops_after)

    def _running(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(key for key in keys if self.runs(STEP_OF[key]))

    def paths(self, keys: tuple[str, ...]) -> list[Path]:
        """The files of these fields (every library's for per-library fields), skipping absent ones."""
        found: list[Path] = []
        for key in keys:
            value = getattr(self, key)
            if isinstance(value, dict):
                found += [Path(path) for path in value.values()]
            elif value:
                found.append(Path(value))
        return found

    def step_outputs(self, step: str) -> list[Path]:
        return self.paths(dict(LIST_STEPS)[step])

    def page_inputs(self) -> dict[str, str | list[str]]:
        """The step outputs the list page reads: the named inputs of its rule."""
        keys = [key for step, keys in LIST_STEPS[:-1] if self.runs(step) for key in keys]
        inputs: dict[str, str | list[str]] = {}
        for key in keys:
            value = getattr(self, key)
            if isinstance(value, dict):
                inputs[key] = list(value.values())
            elif value:
                inputs[key] = value
        return inputs

    def tables(self) -> list[Path]:
        return self.paths(self._running(TABLES))

    def extras(self) -> list[Path]:
        return self.paths(self._running(EXTRAS))

    def record(self) -> dict:
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict) -> ListFiles:
        return cls(**record)


@dataclass
class RunFiles:
    """What the index of a run reads and writes."""

    lists: dict[str, ListFiles]
    comparison_tables: dict[str, str]  # {library: terms x lists TSV}
    comparison_plots: dict[str, str]
    merged_tables: list[str]  # tables over all lists (merged cargo)
    provenance: list[str]  # provenance JSON of every resource used
    config: str  # this run's configuration, as written for --configfile
    snakefile: str
    fdr_threshold: float
    html: str
    bundle: str  # the zip of the results
    comparison_columnar: dict[str, str] = field(default_factory=dict)  # {library: Parquet copy of the TSV}

    def __post_init__(self) -> None:
        # Paths may arrive as path-like objects (Snakemake's); records hold plain strings.
        self.provenance = [str(path) for path in self.provenance]
        self.merged_tables = [str(path) for path in self.merged_tables]
        self.config, self.snakefile, self.html, self.bundle = map(
            str, (self.config, self.snakefile, self.html, self.bundle)
        )

    def downloads(self) -> list[Path]:
        """Tables the index links to and the zip holds."""
        tables = [path for files in self.lists.values() for path in files.tables()]
        tables += [Path(path) for path in self.merged_tables]
        workbooks = [Path(files.workbook) for files in self.lists.values()]
        return [*tables, *map(Path, self.comparison_tables.values()), *workbooks, Path(self.config)]

    def bundle_extras(self) -> list[Path]:
        """Plots and JSON files that go in the zip beside the tables."""
        extras = [path for files in self.lists.values() for path in files.extras()]
        return [*extras, *map(Path, self.comparison_columnar.values()), *map(Path, self.comparison_plots.values())]

    def reports(self) -> list[Path]:
        return [Path(files.report) for files in self.lists.values()]

    def inputs(self) -> dict[str, list[str]]:
        """The named inputs of the index rule: everything the page shows or the zip holds."""
        return {
            "reports": [str(path) for path in self.reports()],
            "downloads": [str(path) for path in self.downloads()],
            "extras": [str(path) for path in self.bundle_extras()],
            "provenance": list(self.provenance),
        }

    def record(self) -> dict:
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict) -> RunFiles:
        lists = {list_id: ListFiles.from_record(files) for list_id, files in record["lists"].items()}
        return cls(**{**record, "lists": lists})
