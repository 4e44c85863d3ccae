SELECT $msg AS msg
