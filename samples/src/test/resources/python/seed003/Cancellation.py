import asyncio

async def long_running():
    try:
        while True:
            print("Working...")
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        print("Task was cancelled! Cleaning up...")
        raise  # Always re-raise CancelledError unless you have a good reason

async def main():
    task = asyncio.create_task(long_running())
    await asyncio.sleep(0.3)  # Let it run for a bit
    task.cancel()             # Request cancellation

    try:
        await task
    except asyncio.CancelledError:
        print("Confirmed: task is cancelled")

asyncio.run(main())
