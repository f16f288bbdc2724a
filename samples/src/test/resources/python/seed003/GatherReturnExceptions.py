import asyncio

async def might_fail(n):
    if n == 2:
        raise ValueError("oops!")
    return n * 10

async def main():
    results = await asyncio.gather(
        might_fail(1),
        might_fail(2),
        might_fail(3),
        return_exceptions=True,
    )
    # results: [10, ValueError("oops!"), 30]
    for r in results:
        if isinstance(r, Exception):
            print(f"Error: {r}")
        else:
            print(f"Result: {r}")

asyncio.run(main())
