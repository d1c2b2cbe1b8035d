print("AppointmentsBenchmark: no benchmark yet")
