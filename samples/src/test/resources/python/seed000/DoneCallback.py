import asyncio

def task_done_callback(task: asyncio.Task):
    """Callback вызывается при завершении задачи."""
    if task.cancelled():
        print(f"Задача {task.get_name()} была отменена")
    elif task.exception():
        print(f"Задача {task.get_name()} завершилась с ошибкой: {task.exception()}")
    else:
        print(f"Задача {task.get_name()} завершена с результатом: {task.result()}")

async def worker(name: str, should_fail: bool = False):
    await asyncio.sleep(0.5)
    if should_fail:
        raise ValueError(f"Ошибка в {name}")
    return f"успех {name}"

async def main():
    # Успешная задача
    task1 = asyncio.create_task(worker("task1"), name="task1")
    task1.add_done_callback(task_done_callback)

    # Задача с ошибкой
    task2 = asyncio.create_task(worker("task2", should_fail=True), name="task2")
    task2.add_done_callback(task_done_callback)

    # Ждём завершения, обрабатывая исключения
    await asyncio.gather(task1, task2, return_exceptions=True)

asyncio.run(main())
