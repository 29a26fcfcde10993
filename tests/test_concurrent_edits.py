"""Two people on one case database: the second to change a case learns who was first."""

from __future__ import annotations

import datetime
import threading

import pytest

from helpers import audit_name, small_database
from landcase.cases import CaseStore, workflow
from landcase.cases.workflow import CaseChangedMeanwhile


@pytest.fixture
def two(case_target):
    first = small_database(case_target, plots=3)
    first.set_actor("李核查")
    second = CaseStore.open(first.location, user="王核查")
    yield first, second
    second.close()
    first.close()


def _verify(store, plot_id, verifier, day="2026-02-05"):
    return workflow.record_verification(
        store, plot_id, "在建", "张三", "厂房", "2025-06", "现场核查", verifier, day
    )


def test_the_second_change_to_a_case_is_refused_naming_the_first(two):
    first, second = two
    workflow.case_state(first, 1)  # both have the case on screen
    workflow.case_state(second, 1)
    _verify(first, 1, "李核查")
    with pytest.raises(CaseChangedMeanwhile) as refused:
        _verify(second, 1, "王核查", "2026-02-06")
    params = refused.value.params
    assert params["jcbh"] == "320100202601000"
    assert params["user"] == audit_name(first, "李核查")
    # the time is the first change's, shown to the minute in local time
    shown = datetime.datetime.strptime(params["at"], "%Y-%m-%d %H:%M")
    assert abs(shown - datetime.datetime.now()) < datetime.timedelta(minutes=5)
    # nothing lost: the first change stands, the second wrote nothing
    state = workflow.case_state(second, 1)
    assert state.verifications == 1 and state.status == "已核查"
    # shown again, the second person's change goes through
    _verify(second, 1, "王核查", "2026-02-06")
    assert workflow.case_state(first, 1).verifications == 2


def test_different_cases_do_not_refuse_each_other(two):
    first, second = two
    workflow.case_state(first, 1)
    workflow.case_state(second, 2)
    _verify(first, 1, "李核查")
    _verify(second, 2, "王核查")  # another case: no conflict
    assert workflow.case_state(first, 2).verifications == 1


def test_a_case_not_shown_first_is_changed_as_before(two):
    first, second = two
    _verify(first, 1, "李核查")
    _verify(second, 1, "王核查")  # a batch or Processing step: no form, no check
    assert workflow.case_state(first, 1).verifications == 2


@pytest.mark.parametrize("case_target", ["postgis"], indirect=True)
def test_on_a_server_the_same_case_changed_at_once_is_refused_not_lost(two):
    """Both pass their check at the same moment: the case row is locked by the first
    transaction, so the second reads the first's change once it commits and is refused."""
    first, second = two
    workflow.case_state(first, 1)
    workflow.case_state(second, 1)
    inside = threading.Event()
    release = threading.Event()
    errors: list = []

    def slow_first():  # the first's step, its transaction held open a moment
        try:
            _verify(first, 1, "李核查")
        except Exception as error:  # (a failure here fails the test below)
            errors.append(error)

    original = first.transaction

    def held():
        context = original()

        class Held:
            def __enter__(self):
                return context.__enter__()

            def __exit__(self, *exc):  # before COMMIT: the case row is still locked
                inside.set()
                release.wait(5)
                return context.__exit__(*exc)

        return Held()

    first.transaction = held
    worker = threading.Thread(target=slow_first)
    worker.start()
    assert inside.wait(5)
    result: list = []
    racer = threading.Thread(
        target=lambda: result.append(_catch(lambda: _verify(second, 1, "王核查", "2026-02-06")))
    )
    racer.start()
    racer.join(0.5)
    assert racer.is_alive()  # waits for the first's row lock, a moment
    release.set()
    worker.join(5)
    racer.join(5)
    first.transaction = original
    assert not errors
    assert isinstance(result[0], CaseChangedMeanwhile)
    assert workflow.case_state(first, 1).verifications == 1


def _catch(action):
    try:
        return action()
    except Exception as error:
        return error


@pytest.mark.parametrize("case_target", ["postgis"], indirect=True)
def test_an_edit_session_left_open_does_not_hold_up_another_technician(two):
    """QGIS's transaction group keeps a transaction open while its user edits: the audit
    of that edit waits for its commit, and nobody else waits for it."""
    from landcase.cases.audit_chain import verify_audit_trail
    from landcase.cases.pg_connection import PgConnection

    first, second = two
    editing = PgConnection(first.location)  # QGIS's connection of the transaction group
    editing.execute("BEGIN")
    editing.execute("UPDATE plot SET reporter = '编辑中' WHERE id = 1")
    done = threading.Event()
    worker = threading.Thread(target=lambda: (_verify(second, 2, "王核查"), done.set()))
    worker.start()
    assert done.wait(5)  # not held up by the open edit session
    worker.join()
    editing.execute("COMMIT")
    editing.close()
    entries = first.audit_entries()
    verification = next(e for e in entries if e.table_name == "verification")
    edit = next(e for e in entries if e.table_name == "plot" and e.action == "UPDATE")
    assert entries.index(verification) < entries.index(edit)  # the log in commit order
    assert edit.changes["reporter"] == [None, "编辑中"]
    result = verify_audit_trail(first)
    assert result.ok and result.checked == len(entries)
