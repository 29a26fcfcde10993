"""Writes tests/data/schema_v1.sqlite: a case database as schema version 1 left it, with
a batch, two plots, their cases and a verification. Run once when version 2 came; kept so
that later edits to old migrations cannot hide a broken upgrade path."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "build" / "pythonpath"))

from landcase.cases import CaseStore  # noqa: E402

SQL = [
    "INSERT INTO batch (id, name, source, received_date) VALUES (1, '2025年第4批部卫片', '部卫片', '2025-11-03')",
    "INSERT INTO plot (id, batch_id, jcbh, xzqdm, xzqmc, jcmj, tblx, township, geom) VALUES "
    "(1, 1, '320100202504001', '320100', '青山镇', 3.75, '新增建设', '青山镇', "
    "CastToMulti(BuildMbr(500000, 3400000, 500050, 3400050, 4549)))",
    "INSERT INTO plot (id, batch_id, jcbh, xzqdm, xzqmc, jcmj, tblx, township, geom) VALUES "
    "(2, 1, '320100202504002', '320100', '东湖镇', 1.5, '推填土', '东湖镇', "
    "CastToMulti(BuildMbr(500100, 3400000, 500130, 3400030, 4549)))",
    "INSERT INTO case_record (plot_id, status, responsible_unit) VALUES (1, '已核查', '青山镇人民政府')",
    "INSERT INTO case_record (plot_id, status) VALUES (2, '待核查')",
    "INSERT INTO verification (case_id, site_status, land_user, verifier, verified_on) VALUES "
    "(1, '已建成', '某某农业公司', '李四', '2025-11-20')",
]

if __name__ == "__main__":
    target = HERE / "schema_v1.sqlite"
    store = CaseStore.create(target, 4549, overwrite=True, user="v1-writer", up_to_version=1)
    with store.transaction() as db:
        for statement in SQL:
            db.execute(statement)
    store._db.execute("PRAGMA journal_mode = DELETE")  # one self-contained file in git
    store.close()
    print(target, target.stat().st_size)
