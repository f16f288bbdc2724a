import asyncio
import time

async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name}: done"

async def main():
    # SEQUENTIAL — takes 0.4s total
    start = time.perf_counter()
    result1 = await fetch_data("A", 0.2)
    result2 = await fetch_data("B", 0.2)
    print(f"Sequential: {result1}, {result2} in {time.perf_counter() - start:.2f} s")

    # CONCURRENT — takes 0.2s total
    start = time.perf_counter()
    task1 = asyncio.create_task(fetch_data("A", 0.2))
    task2 = asyncio.create_task(fetch_data("B", 0.2))
    result1 = await task1
    result2 = await task2
    print(f"Concurrent: {result1}, {result2} in {time.perf_counter() - start:.2f} s")

asyncio.run(main())
