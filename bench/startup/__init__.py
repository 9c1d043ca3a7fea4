"""Programs whose start-up bench/bench_startup.py times, each in a fresh process."""
