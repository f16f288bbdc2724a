import asyncio
import time

async def http_call(num):
    print(f"Starting HTTP call with parameter {num}")
    await asyncio.sleep(num)
    print(f"Completed HTTP call {num}")
    return {"status": "success", "data": num} 

async def main():
    print("Starting main coroutine")

    task_list = [
        asyncio.create_task(http_call(3), name="t1"),
        asyncio.create_task(http_call(2), name="t2"),
        asyncio.create_task(http_call(1), name="t3")
    ]
    
    # 使用 asyncio.wait 并设置2秒超时
    done, pending = await asyncio.wait(task_list, timeout=2)  
    
    print(f"\nDone tasks ({len(done)}):")
    for task in done:
        # 任务完成后，可以通过 .result() 获取结果
        print(f"- {task.get_name()} result: {task.result()}")

    print(f"\nPending tasks ({len(pending)}):")
    for task in pending:
        print(f"- {task.get_name()} is still pending.")
        task.cancel() # 取消仍在运行的任务，避免资源泄露

asyncio.run(main())
