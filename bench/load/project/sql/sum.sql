SELECT sum(i) AS s FROM range($n) t(i)
