"""Security: no user value reaches a shell unquoted, YAML is loaded safely, list ids cannot name
paths outside results/, and HTML is escaped."""

from __future__ import annotations

import ast
import re

import pytest
from conftest import REPO

from exocargo.inputs.extract import STATUS_FAILED, extract_names
from exocargo.inputs.readers import list_id_problem
from exocargo.report.html import esc

RULE_FILES = [REPO / "Snakefile", *sorted((REPO / "workflow" / "rules").glob("*.smk"))]
PYTHON_FILES = sorted((REPO / "workflow" / "scripts").rglob("*.py"))
# Placeholders that carry values from the sheet, the config or file names into a command.
USER_PLACEHOLDER = re.compile(r"\{(?:wildcards|input|output|params|config|log|resources)\b[^{}]*\}")
SHELL_DIRECTIVE = re.compile(r"^(?P<indent>\s*)shell:\s*(?P<rest>.*)$")
UNSAFE_YAML_CALLS = {"load", "load_all", "full_load", "full_load_all", "unsafe_load", "unsafe_load_all"}
HOSTILE_LIST_IDS = [
    "../escape",
    "..",
    ".",
    "a/../../b",
    "/etc/passwd",
    "a\\b",
    "my list",
    "tab\there",
    "new\nline",
    "nul\x00byte",
    "$(touch pwned)",
    "`id`",
    "x;rm -rf ~",
    "a|b",
    "\u2215slash",
    ".hidden",
    "-rf",
    "",
    "x" * 101,
    "index",
]


def shell_commands(text: str) -> list[tuple[int, str]]:
    """(line, command text) of every ``shell:`` directive in Snakemake rule text."""
    lines = text.splitlines()
    commands = []
    for number, line in enumerate(lines):
        match = SHELL_DIRECTIVE.match(line)
        if not match:
            continue
        body = [match.group("rest")]
        for following in lines[number + 1 :]:
            if following.strip() and len(following) - len(following.lstrip()) <= len(match.group("indent")):
                break
            body.append(following)
        commands.append((number + 1, "\n".join(body)))
    return commands


def unquoted_user_values(command: str) -> list[str]:
    """Placeholders of ``command`` that Snakemake would paste without quoting (no ``:q``)."""
    return [p for p in USER_PLACEHOLDER.findall(command) if not p.endswith(":q}")]


def test_the_shell_check_flags_unquoted_values():
    rules = 'rule bad:\n    output:\n        "x"\n    shell:\n        "cat {input} > {output:q}; echo {wildcards.list_id}"\n'
    ((line, command),) = shell_commands(rules)
    assert line == 4
    assert unquoted_user_values(command) == ["{input}", "{wildcards.list_id}"]


def test_no_rule_passes_user_values_to_a_shell_unquoted(reliability):
    findings = []
    shell_count = 0
    for path in RULE_FILES:
        text = path.read_text()
        for line, command in shell_commands(text):
            shell_count += 1
            findings += [f"{path.relative_to(REPO)}:{line}: {value}" for value in unquoted_user_values(command)]
        findings += [f"{path.relative_to(REPO)}: shell() call in a run: block" for _ in re.finditer(r"\bshell\(", text)]
    for path in PYTHON_FILES:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func)
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            if name in ("os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"):
                findings.append(f"{where}: {name}")
            if any(
                k.arg == "shell" and not (isinstance(k.value, ast.Constant) and not k.value.value)
                for k in node.keywords
            ):
                findings.append(f"{where}: {name}(..., shell=...)")
    assert findings == [], "user values could reach a shell:\n" + "\n".join(findings)
    reliability.record(
        "no user value reaches a shell",
        input="every rule file (Snakefile, workflow/rules/*.smk) and Python file under workflow/scripts/",
        outcome="checked: no `shell:` passes a sheet, config or wildcard value without `:q`",
        message=(f"{shell_count} `shell:` directives" if shell_count else "no `shell:` directive: rules use `script:`")
        + "; no `shell=True`, `os.system`, `os.popen` in the scripts",
        run="not needed: a check of the code",
    )


def test_yaml_is_only_loaded_safely(reliability, tmp_path):
    unsafe = []
    for path in [*PYTHON_FILES, *RULE_FILES]:
        for match in re.finditer(r"\byaml\.(\w+)\(", path.read_text()):
            if match.group(1) in UNSAFE_YAML_CALLS:
                unsafe.append(f"{path.relative_to(REPO)}: yaml.{match.group(1)}")
    assert unsafe == []

    pwned = tmp_path / "pwned"
    record = tmp_path / "PMC1__evil.md"
    record.write_text(f'---\nfigid: PMC1__evil\ngenes: !!python/object/apply:os.system ["touch {pwned}"]\n---\n')
    names, source = extract_names(record, "pfocr", "evil")
    assert source["status"] == STATUS_FAILED and "broken YAML front matter" in source["reason"]
    assert "could not determine a constructor" in source["reason"]
    assert not pwned.exists() and names.empty
    reliability.record(
        "YAML loaded safely",
        roots=(tmp_path,),
        input="a PFOCR record whose `genes:` is `!!python/object/apply:os.system [touch ...]`; "
        "all workflow code scanned for yaml.load/full_load/unsafe_load",
        outcome="the record fails its list; the command never runs; only `yaml.safe_load` is used",
        message=source["reason"],
        run="not needed: the same failing-list path as a broken YAML record",
    )


@pytest.mark.parametrize("list_id", HOSTILE_LIST_IDS, ids=repr)
def test_list_ids_that_could_leave_results_are_refused(list_id):
    assert list_id_problem(list_id) is not None


def test_accepted_list_ids_stay_inside_results(reliability, tmp_path):
    accepted = ["seed_figure", "a..b", "x.y-z_1", "PMC6441234__12943_2019_980_Fig1_HTML", "A" * 100]
    results = (tmp_path / "results").resolve()
    for list_id in accepted:
        assert list_id_problem(list_id) is None
        for pattern in ("names/{}.names.tsv", "report/{}.html", "enrichment/{}.KEGG_2021_Human.tsv"):
            assert results in (results / pattern.format(list_id)).resolve().parents
    reliability.record(
        "outputs stay under results/",
        input=f"{len(HOSTILE_LIST_IDS)} hostile list ids (`../escape`, `..`, `/etc/passwd`, `$(touch pwned)`, "
        "`x;rm -rf ~`, NUL, newline, U+2215 slash, 101 characters, `index`, ...)",
        outcome="every one refused by the sheet check; accepted ids resolve inside results/",
        message=list_id_problem("../escape"),
    )


def test_report_escapes_user_strings(reliability):
    hostile = "<script>alert('x')</script> & \"quoted\" <img src=x onerror=alert(1)>"
    escaped = esc(hostile)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped and "'" not in escaped
    assert escaped.startswith("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quoted&#34;")
    reliability.record(
        "HTML escaped",
        input="`<script>alert('x')</script> & \"quoted\" <img src=x onerror=alert(1)>` through "
        "`exocargo.report.html.esc`; in the combined run, as a list description",
        outcome="escaped: no tag survives",
        message=f"`{escaped}`",
    )
