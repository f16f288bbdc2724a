import asyncio

async def coro1():
    await asyncio.sleep(1)
    print("я выполняюсь coro111")

  
async def coro2():
    await asyncio.sleep(0.9)
    print("я выполняюсь coro222")
  
async def main():
#выполнение группы обьектов
    await asyncio.gather(coro1(), coro2())
      
asyncio.run(main())
