#!/usr/bin/env python3
"""Runs two or more commands alternately and reports their medians.

    bench/ab.py N CMD_A... -- CMD_B... [-- CMD_C...]

Each command runs N times, the commands taking turns, so that a machine
whose speed drifts (a shared virtual machine) slows them alike. For each it
prints the median and the minimum of the wall time and of the CPU time
(user + system, from getrusage of the finished child), and the median of
the minor page faults. Output and errors of the commands are discarded;
their exit codes are not judged.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 2 or not argv[0].isdigit() or int(argv[0]) < 1:
        sys.exit(__doc__)
    runs = int(argv[0])
    commands, current = [], []
    for arg in argv[1:]:
        if arg == "--":
            commands.append(current)
            current = []
        else:
            current.append(arg)
    commands.append(current)
    if any(not c for c in commands):
        sys.exit("ab.py: an empty command\n" + __doc__)
    results = [[] for _ in commands]
    for _ in range(runs):
        for k, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            results[k].append((wall, cpu, after.ru_minflt - before.ru_minflt))
    for command, rows in zip(commands, results):
        wall = [r[0] * 1000 for r in rows]
        cpu = [r[1] * 1000 for r in rows]
        faults = [r[2] for r in rows]
        print(f"{' '.join(command)}\n  wall median {statistics.median(wall):.1f} ms, min {min(wall):.1f}; "
              f"CPU median {statistics.median(cpu):.1f} ms, min {min(cpu):.1f}; "
              f"faults median {statistics.median(faults):.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
