import asyncio

async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name}: done"

async def main():
    results = await asyncio.gather(
        fetch_data("A", 0.3),
        fetch_data("B", 0.1),
        fetch_data("C", 0.2),
    )
    # results is a list: ["A: done", "B: done", "C: done"]
    # Results are in the SAME ORDER as the arguments, not completion order
    print(results)

asyncio.run(main())
