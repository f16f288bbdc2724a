import asyncio

async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name}: done"

async def main():
    tasks = [
        asyncio.create_task(fetch_data("A", 0.3)),
        asyncio.create_task(fetch_data("B", 0.1)),
        asyncio.create_task(fetch_data("C", 0.2)),
    ]

    # Wait for the first one to complete
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{len(done)} done, {len(pending)} pending")

    # Wait for all remaining to complete
    done, pending = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)

asyncio.run(main())
