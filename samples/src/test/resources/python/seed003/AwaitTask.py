import asyncio

async def compute(x):
    await asyncio.sleep(0.1)
    return x * 2

async def main():
    task = asyncio.create_task(compute(21))
    result = await task  # result is 42
    print(result)

asyncio.run(main())
