import asyncio

async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name}: done"

async def main():
    # Both tasks start running concurrently
    task1 = asyncio.create_task(fetch_data("A", 0.3))
    task2 = asyncio.create_task(fetch_data("B", 0.1))

    # Wait for both — total time is ~0.3s, not 0.4s
    result1 = await task1
    result2 = await task2
    print(result1, result2)

asyncio.run(main())
