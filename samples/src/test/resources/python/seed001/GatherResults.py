import asyncio

async def add(a, b):
    await asyncio.sleep(1)
    return a + b

async def main():
    result1, result2 = await asyncio.gather(
        add(1, 2),
        add(3, 4)
    )
    print(result1)  # Output: 3
    print(result2)  # Output: 7

asyncio.run(main())
