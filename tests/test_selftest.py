"""`briefer --self-test` runs the analyst's whole path and names the step that fails."""

from __future__ import annotations

from pathlib import Path

from briefer import resources, selftest
from briefer.cli import main


def test_self_test_passes_from_the_source_tree(capsys):
    assert main(["--self-test"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"briefer self-test passed ({len(selftest.STEPS)} steps)"
    assert err == ""


def test_self_test_leaves_the_user_data_folder_alone(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["--self-test"]) == 0
    assert not (tmp_path / "data").exists()


def test_a_missing_sample_names_the_import_step(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "sample_article", lambda: tmp_path / "gone.txt")
    assert main(["--self-test"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("briefer self-test failed: import the sample article: ")
    assert "gone.txt" in err


def test_a_broken_export_names_its_step(capsys, monkeypatch):
    import briefer.export

    def refuse(*_args, **_kwargs):
        raise RuntimeError("no docx today\nsecond line")

    monkeypatch.setattr(briefer.export, "export_brief", refuse)
    assert main(["--self-test"]) == 1
    err = capsys.readouterr().err
    assert err == "briefer self-test failed: export the brief to .docx: no docx today\n"


def test_each_step_is_checked_against_the_exported_file(tmp_path):
    """The last step reads the .docx itself: a file without the footnote fails it."""
    run = selftest._Run(Path(tmp_path))
    for _name, step in selftest.STEPS:
        if step is selftest._reopen:
            break
        step(run)
    import docx

    document = docx.Document(str(run.docx))
    document.sections[0].header.paragraphs[0].text = "UNMARKED"
    for paragraph in document.sections[0].header.paragraphs[1:]:
        paragraph.text = ""
    document.save(str(run.docx))
    try:
        selftest._reopen(run)
    except selftest.StepFailed as exc:
        assert "TLP:AMBER" in str(exc)
    else:
        raise AssertionError("an unmarked export passed the check")
    finally:
        run.library.close()


def test_missing_licence_metadata_names_its_step(capsys, monkeypatch):
    from briefer import notices

    monkeypatch.setattr(notices, "third_party", lambda: [])
    assert main(["--self-test"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefer self-test failed: read the licence notices: no licence metadata")
