import asyncio

async def compute(x: int) -> int:
    await asyncio.sleep(0.5)
    return x * 2

async def main():
    task = asyncio.create_task(compute(21))

    # Способ 1: await задачи
    result = await task
    print(f"Результат через await: {result}")

    # Способ 2: task.result() (только после завершения!)
    task2 = asyncio.create_task(compute(10))
    await task2  # Сначала дождёмся завершения
    print(f"Результат через result(): {task2.result()}")

    # ОШИБКА: вызов result() до завершения
    task3 = asyncio.create_task(compute(5))
    try:
        task3.result()  # InvalidStateError!
    except asyncio.InvalidStateError:
        print("Нельзя получить результат незавершённой задачи")
    await task3

asyncio.run(main())
