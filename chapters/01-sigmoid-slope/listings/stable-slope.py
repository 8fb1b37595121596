# Two ways to compute the sigmoid's slope in float64, far out in the tail.
import math


def slope_from_sigma(z):
    s = 1.0 / (1.0 + math.exp(-z))
    return s * (1.0 - s)          # 1 - s loses every digit once s rounds to 1


def slope_stable(z):
    e = math.exp(-abs(z))         # never overflows, never subtracts
    return e / (1.0 + e) ** 2


for z in (5.0, 10.0, 20.0, 30.0, 40.0):
    naive, stable = slope_from_sigma(z), slope_stable(z)
    print(f"z = {z:4.0f}   s*(1-s) = {naive:.3e}   stable = {stable:.3e}")
