# Async generators and async for: lazy steps, suspension inside the body, close on an early exit, failures.
import asyncio
async def ticker(delay, to):
    try:
        for i in range(to):
            print("produce", i)
            yield i
            await asyncio.sleep(delay)
    finally:
        print("ticker finally")
async def failing():
    yield 1
    raise ValueError("boom")
async def main():
    async for i in ticker(0.01, 3):
        print("got", i)
    gen = ticker(0, 10)
    async for i in gen:
        print("got", i)
        if i == 1:
            break
    await gen.aclose()
    print("closed")
    try:
        async for i in failing():
            print("got", i)
    except ValueError as e:
        print("failed", repr(e))
    total = 0
    async for i in ticker(0, 4):
        total += i
    print("total", total)
asyncio.run(main())
