"""underthesea's models load safely when several threads use vnextract first, in a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# Each fresh process starts 4 threads at a barrier; every thread extracts texts that make
# underthesea split sentences and segment words, then prints whether it got the same
# records as the main thread afterwards. Before the lock, about one process in two
# failed with "'NoneType' object has no attribute 'process'".
SCRIPT = textwrap.dedent('''
    import json, sys, threading
    from vnextract import extract

    TEXTS = [
        "Năm 2023, doanh thu bán lẻ hàng hóa của tỉnh ước đạt 5.200 tỷ đồng, tăng 12% so với năm 2022. "
        "Tổng vốn đầu tư trực tiếp nước ngoài đăng ký mới đạt 310 triệu USD.",
        "Kim ngạch xuất khẩu 6 tháng đầu năm đạt 2.312 triệu USD. Sản lượng lúa cả năm đạt 1,2 triệu tấn.",
    ]
    barrier = threading.Barrier(4)
    results, errors = [], []

    def run():
        barrier.wait()
        try:
            results.append([extract(t).model_dump_json() for t in TEXTS])
        except Exception as e:
            errors.append(repr(e))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads: t.start()
    for t in threads: t.join()
    after = [extract(t).model_dump_json() for t in TEXTS]
    print(json.dumps({"errors": errors, "same": all(r == after for r in results), "runs": len(results)}))
''')


def test_threads_of_a_fresh_process_extract_without_a_model_race():
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        report = json.loads(out.stdout.strip().splitlines()[-1])
        assert report == {"errors": [], "same": True, "runs": 4}
