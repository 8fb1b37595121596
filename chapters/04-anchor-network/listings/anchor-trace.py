# The anchor network traced in numpy: one unit per layer, weight w on every
# link, no biases. Backward, delta[k] is dL/da_k with dL/da_4 = 1 at the top.
import numpy as np

w, x, layers, lr = 0.1, 1.0, 4, 0.01

z = np.empty(layers)
a = np.empty(layers)
signal = x
for k in range(layers):
    z[k] = w * signal
    a[k] = 1.0 / (1.0 + np.exp(-z[k]))
    signal = a[k]
slope = a * (1.0 - a)

delta = np.ones(layers)
for k in range(layers - 2, -1, -1):
    delta[k] = delta[k + 1] * w * slope[k + 1]
inputs = np.concatenate(([x], a[:-1]))
grad_w = delta * slope * inputs          # dL/dw_k: the unit's own slope and input too

print("layer       z     sigma   sigma'    dL/da_k    dL/dw_k   update")
for k in range(layers):
    print(f"{k + 1:5d}  {z[k]:.4f}  {a[k]:.4f}  {slope[k]:.4f}  {delta[k]:.3e}  "
          f"{grad_w[k]:.3e}  {-lr * grad_w[k]:.3e}")
print(f"dL/da_4 / dL/da_1 = {delta[-1] / delta[0]:,.0f}")
