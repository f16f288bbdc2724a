import asyncio

async def failing_worker():
    await asyncio.sleep(0.5)
    raise RuntimeError("Worker упал!")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.sleep(2))
            tg.create_task(failing_worker())  # Эта задача упадёт
            tg.create_task(asyncio.sleep(1))
    except* RuntimeError as eg:
        # ExceptionGroup содержит все исключения
        for exc in eg.exceptions:
            print(f"Поймано: {exc}")

asyncio.run(main())
