import asyncio

async def slow_operation():
    await asyncio.sleep(5.0)
    return "done"

async def main():
    try:
        result = await asyncio.wait_for(slow_operation(), timeout=0.2)
        print(result)
    except TimeoutError:
        print("Operation timed out!")

asyncio.run(main())
