import asyncio

async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name}: done"

async def main():
    coros = [
        fetch_data("A", 0.3),
        fetch_data("B", 0.1),
        fetch_data("C", 0.2),
    ]

    for future in asyncio.as_completed(coros):
        result = await future
        print(result)  # Prints B first (fastest), then C, then A

asyncio.run(main())
