import asyncio

async def faulty_task():
    await asyncio.sleep(1)
    raise ValueError("An error occurred")

async def main():
    task = asyncio.create_task(faulty_task())
    try:
        await task
    except ValueError as e:
        print(f"Caught an exception: {e}")

asyncio.run(main())
