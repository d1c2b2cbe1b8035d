print("ChatBenchmark: no benchmark yet")
