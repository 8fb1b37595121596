# The anchor network traced in numpy: one unit per layer, weight w on every
# link, no biases. Backward, delta[k] is dL/dz_k, with dL/dz_4 = 1 at the top.
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
    delta[k] = delta[k + 1] * w * slope[k]   # the unit's own slope, the weight above it
inputs = np.concatenate(([x], a[:-1]))
grad_w = delta * inputs                      # dL/dw_k = delta_k times the unit's input

print("layer       z     sigma   sigma'    dL/dz_k    dL/dw_k   update")
for k in range(layers):
    print(f"{k + 1:5d}  {z[k]:.4f}  {a[k]:.4f}  {slope[k]:.4f}  {delta[k]:.3e}  "
          f"{grad_w[k]:.3e}  {-lr * grad_w[k]:.3e}")
print(f"dL/dz_4 / dL/dz_1 = {delta[-1] / delta[0]:,.0f}")
