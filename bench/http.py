"""HTTP benchmark: signed `/deepseek` slash commands against `deepseek-bot serve --http`.

    .venv/bin/python bench/http.py [--concurrency 32] [--duration 10] [--workers N]

Runs, each on the same gunicorn stack (bot.slack.server), N concurrent keep-alive clients
for `duration` seconds and prints requests/s, p50 and p99 latency for:
- `brief <topic>` and `help` on the real app (briefings/ by default, BRIEFINGS_DIR to change);
- a bare Bolt app whose only listener acks, and the same app acking with the question's reply
  (the bytes a reply carries cost the server and the client on its own; this separates them).
It also measures cold start: from process start to the first 200 from GET /healthz.
Targets (2 cores): p99 < 100 ms at 32 concurrent; brief >= 0.8x bare rps; cold start < 2 s.
The Web API is the local stub (tests/slack_stub.py), so nothing leaves the machine.
"""

from __future__ import annotations

import sys

# This file is named http.py: keep its folder off sys.path, or it hides the stdlib's `http`.
sys.path[:] = [p for p in sys.path if p not in ("", __file__.rpartition("/")[0])]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
SECRET = "bench-signing-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def signed_request(port: int, text: str) -> bytes:
    from slack_sdk.signature import SignatureVerifier

    body = urllib.parse.urlencode(
        {
            "command": "/deepseek",
            "text": text,
            "user_id": "U0BENCH",
            "user_name": "bench",
            "channel_id": "C0BENCH",
            "team_id": "T0STUB",
            "response_url": "http://127.0.0.1:9/response/bench",
            "trigger_id": "1.2.3",
        }
    )
    ts = str(int(time.time()))
    sig = SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)
    head = (
        f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"X-Slack-Request-Timestamp: {ts}\r\nX-Slack-Signature: {sig}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body.encode()


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {
        k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
    }
    body = b""
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, body


async def client(
    port: int,
    request: bytes,
    until: float,
    lat: list[float],
    errors: list[int],
    replies: list[bytes] | None = None,
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            start = time.perf_counter()
            writer.write(request)
            try:
                status, body = await read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                errors.append(0)
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            lat.append(time.perf_counter() - start)
            if status != 200:
                errors.append(status)
            elif replies is not None and not replies:
                replies.append(body)
    finally:
        writer.close()


async def load(
    port: int, text: str, concurrency: int, duration: float, pid: int
) -> tuple[float, list[float], list[int], float, bytes]:
    """(elapsed s, latencies, error statuses, server CPU s, one reply's body) of the measured
    window."""
    request = signed_request(port, text)
    warm_until = time.perf_counter() + 1.0  # warm up: threads, caches, connections
    await asyncio.gather(*(client(port, request, warm_until, [], []) for _ in range(concurrency)))
    lat: list[float] = []
    errors: list[int] = []
    replies: list[bytes] = []
    cpu0 = cpu_seconds(pid)
    start = time.perf_counter()
    await asyncio.gather(
        *(client(port, request, start + duration, lat, errors, replies) for _ in range(concurrency))
    )
    elapsed, cpu = time.perf_counter() - start, cpu_seconds(pid) - cpu0
    return elapsed, lat, errors, cpu, replies[0] if replies else b""


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and its live descendants (Linux /proc), in seconds."""
    total = 0.0
    stack = [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
        stack += _children(p)
    return total


HEALTHY_WAIT = 120  # seconds: a 5,000-article catalogue takes half a minute on a slow machine


def wait_healthy(port: int, proc: subprocess.Popen[bytes], start: float) -> float:
    while time.monotonic() - start < HEALTHY_WAIT:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as resp:
                if resp.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.005)
    raise SystemExit("server never became healthy")


def start(
    kind: str, port: int, api_url: str, workers: int | None, reply: Path | None = None
) -> tuple[subprocess.Popen[bytes], float]:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": api_url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    env.pop("SLACK_APP_TOKEN", None)
    extra = ["--workers", str(workers)] if workers else []
    if kind == "bot":
        cmd = [sys.executable, "-m", "bot", "serve", "--http", *extra]
    else:
        cmd = [sys.executable, __file__, "--bare-server", "--port", str(port), *extra]
        cmd += ["--reply-file", str(reply)] if reply is not None else []
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return proc, wait_healthy(port, proc, t0)


def serve_bare(port: int, workers: int | None, reply_file: str | None) -> None:
    """A Bolt app that only acks, on the same gunicorn stack and Bolt settings as the bot;
    with `reply_file` (a reply's JSON body), it acks with that reply."""
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from bot.slack.server import gunicorn_options, make_wsgi, run_gunicorn

    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
    app = App(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        process_before_response=True,  # as bot.slack.app.build_app
    )

    reply = json.loads(Path(reply_file).read_text()) if reply_file else {}
    fields = {k: reply[k] for k in ("text", "blocks", "response_type") if k in reply}

    def bare(ack: Ack) -> None:
        ack(**fields)

    app.command("/deepseek")(bare)
    wsgi = make_wsgi(app, os.environ["SLACK_SIGNING_SECRET"])
    run_gunicorn(lambda: wsgi, gunicorn_options("127.0.0.1", port, workers))


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: serve's)"
    )
    parser.add_argument("--topic", default="cost", help="what `brief` asks for")
    parser.add_argument(
        "--question",
        default="what did andreessen say",
        help="a question `brief` answers from points.jsonl",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; prints the median")
    parser.add_argument("--bare-server", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--reply-file", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        serve_bare(args.port, args.workers, args.reply_file)
        return

    from slack_stub import SlackStub

    print(
        f"cpus={os.cpu_count()} concurrency={args.concurrency} duration={args.duration}s "
        f"repeat={args.repeat}",
        flush=True,
    )
    cases = (
        ("bot", f"brief {args.topic}", f"brief {args.topic}"),
        ("bot", "help", "help"),
        ("bare", "bare ack-only Bolt app", "brief"),
        ("bot", f"brief {args.question}", f"brief {args.question}"),
        ("bare-reply", "bare app, question's reply", "brief"),
    )
    runs: dict[str, list[tuple[float, float, float, int, float, float]]] = {c[1]: [] for c in cases}
    reply = Path(tempfile.mkdtemp()) / "reply.json"  # the question's reply, as it was sent
    with SlackStub() as stub:
        for rep in range(args.repeat):  # interleaved, so a busy moment hits every case alike
            for kind, label, text in cases:
                port = free_port()
                with_reply = reply if kind == "bare-reply" else None
                proc, cold = start(kind, port, stub.api_url, args.workers, with_reply)
                try:
                    elapsed, lat, errors, cpu, body = asyncio.run(
                        load(port, text, args.concurrency, args.duration, proc.pid)
                    )
                    if label == cases[3][1]:
                        reply.write_bytes(body)
                finally:
                    proc.terminate()
                    proc.wait(15)
                # server CPU per request: much less sensitive to what else the machine runs
                cpu_ms = cpu / max(len(lat), 1) * 1000
                result = (len(lat) / elapsed, pct(lat, 50), pct(lat, 99), len(errors), cold, cpu_ms)
                runs[label].append(result)
                print(f"  run {rep + 1}: {label:<24} {result[0]:6.0f} req/s", flush=True)
    rows = []
    for label, results in runs.items():  # the median run of each case (by req/s)
        results.sort()
        rows.append((label, *results[len(results) // 2]))
    print()
    print(
        f"| {'case':<24} | {'req/s':>7} | {'p50 ms':>7} | {'p99 ms':>7} | {'errors':>6} "
        f"| {'cold start s':>12} | {'server CPU ms/req':>17} |"
    )
    print(f"|{'-' * 26}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 14}|{'-' * 19}|")
    for label, rps, p50, p99, errs, cold, cpu_ms in rows:
        print(
            f"| {label:<24} | {rps:7.0f} | {p50:7.1f} | {p99:7.1f} | {errs:6d} | {cold:12.2f} "
            f"| {cpu_ms:17.2f} |"
        )
    brief_rps, bare_rps = rows[0][1], rows[2][1]
    print()
    print(f"brief / bare throughput: {brief_rps / bare_rps:.2f}x (target >= 0.8)")
    print(f"question / bare throughput: {rows[3][1] / bare_rps:.2f}x (target >= 0.9)")
    print(f"p99 at {args.concurrency} concurrent: question {rows[3][3]:.1f} ms (target < 50)")
    print(
        f"question / bare app acking the same reply ({reply.stat().st_size:,} bytes): "
        f"{rows[3][1] / rows[4][1]:.2f}x (the app's own cost, the reply's size aside)"
    )
    print(f"brief / bare server CPU per request: {rows[0][6] / rows[2][6]:.2f}x")
    print(f"p99 at {args.concurrency} concurrent: brief {rows[0][3]:.1f} ms (target < 100)")
    print(f"cold start to /healthz: {rows[0][5]:.2f} s (target < 2)")


if __name__ == "__main__":
    main()
