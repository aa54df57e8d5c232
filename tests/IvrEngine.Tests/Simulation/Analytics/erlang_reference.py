"""Reference figures for the Erlang C and Erlang A tests, computed independently of the C# code.

Erlang C: the closed formula with exact rational arithmetic (factorials and powers, as Fractions).
Erlang A: Garnett, Mandelbaum & Reiman (2002) with mpmath's regularised incomplete gamma at 50
digits; the stationary figures are cross-checked against the truncated birth-death chain, and the
service level against a per-caller sum over the queue seen on arrival (a different route to the
same quantity). Run: python3 erlang_reference.py (needs mpmath).
"""
from fractions import Fraction as F
from math import factorial
import mpmath as mp

mp.mp.dps = 50


def mpq(q):
    """A Fraction as an mpmath number."""
    return mp.mpf(q.numerator) / q.denominator


def erlang_c_exact(a, n):
    """C(n, A) = (A^n/n! · n/(n-A)) / (Σ_{k<n} A^k/k! + A^n/n! · n/(n-A)), A rational."""
    top = a ** n / factorial(n) * F(n) / (n - a)
    return top / (sum(a ** k / F(factorial(k)) for k in range(n)) + top)


def erlang_c_report(calls, interval_s, aht_s, n, thresholds):
    a = F(calls) * aht_s / interval_s
    c = erlang_c_exact(a, n)
    cm = mpq(c)
    asa = cm * aht_s / (n - mpq(a))
    print(f"Erlang C: {calls} calls / {interval_s} s, AHT {aht_s} s, n={n}: A={a}")
    print(f"  P(wait)={mp.nstr(cm, 17)}  ASA={mp.nstr(asa, 17)} s  occupancy={mp.nstr(mpq(a) / n, 17)}")
    for t in thresholds:
        sl = 1 - cm * mp.exp(-(n - mpq(a)) * t / aht_s)
        print(f"  SL({t} s)={mp.nstr(sl, 17)}")
    return a


def minimum_agents(a, aht_s, target, t):
    n = int(a) + 1
    while True:
        c = mpq(erlang_c_exact(a, n))
        if 1 - c * mp.exp(-(n - mpq(a)) * t / aht_s) >= target:
            return n, 1 - c * mp.exp(-(n - mpq(a)) * t / aht_s)
        n += 1


def erlang_b(a, n):
    b = mp.mpf(1)
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def erlang_a(lam, mu, theta, n, thresholds):
    """M/M/n+M. x = nμ/θ, y = λ/θ, A(x,y) = x e^y y^-x γ(x,y) (γ lower incomplete gamma)."""
    lam, mu, theta = mp.mpf(lam), mp.mpf(mu), mp.mpf(theta)
    x, y, rho = n * mu / theta, lam / theta, lam / (n * mu)
    big_a = x * mp.exp(y) * y ** (-x) * mp.gammainc(x, 0, y)
    eb = erlang_b(lam / mu, n)
    p_wait = big_a * eb / (1 + (big_a - 1) * eb)
    p_ab_given_wait = 1 / (rho * big_a) + 1 - 1 / rho
    p_ab = p_ab_given_wait * p_wait

    # Birth-death chain: states k = 0..K, birth λ, death min(k,n)μ + max(k-n,0)θ.
    w, weights = mp.mpf(1), [mp.mpf(1)]
    k = 0
    while True:
        k += 1
        w = w * lam / (min(k, n) * mu + max(k - n, 0) * theta)
        weights.append(w)
        if k > n + 50 and w < mp.mpf(10) ** -45 * sum(weights):
            break
    total = sum(weights)
    bd_wait = sum(weights[n:]) / total
    bd_queue = sum((j - n) * weights[j] for j in range(n, len(weights))) / total
    bd_ab = theta * bd_queue / lam
    assert abs(bd_wait - p_wait) < mp.mpf(10) ** -30, (bd_wait, p_wait)
    assert abs(bd_ab - p_ab) < mp.mpf(10) ** -30, (bd_ab, p_ab)

    pi_n = weights[n] / total
    print(f"Erlang A: λ={lam} μ={mu} θ={theta} n={n} (A={lam/mu})")
    print(f"  P(wait)={mp.nstr(p_wait, 17)}  P(abandon)={mp.nstr(p_ab, 17)}  answered={mp.nstr(1-p_ab, 17)}")
    print(f"  E[Q]={mp.nstr(bd_queue, 17)}  mean wait of all callers E[Q]/λ={mp.nstr(bd_queue/lam, 17)}")

    # Served callers' mean wait: a caller finding j waiting has offered wait V_j = Σ_{i=0..j} Exp(nμ+iθ)
    # and is served iff patience τ > V_j. Density of V among callers who wait: nμ π_n e^{φ(s)},
    # φ(s) = -nμ s + (λ/θ)(1 - e^{-θs}) (Mandelbaum & Zeltyn, M/M/n+G with H(s) = (1-e^{-θs})/θ).
    phi = lambda s: -n * mu * s + y * (1 - mp.exp(-theta * s))
    served_wait = n * mu * pi_n * mp.quad(lambda s: s * mp.exp(phi(s) - theta * s), [0, mp.inf])
    print(f"  mean wait of answered callers={mp.nstr(served_wait / (1 - p_ab), 17)}")

    c = x
    for t in thresholds:
        # Closed form: P(waited, answered within t) = π_n c e^y y^-(c+1) [γ(c+1, y) - γ(c+1, y e^{-θt})].
        u0 = mp.exp(-theta * t)
        ans_wait = pi_n * c * mp.exp(y) * y ** (-(c + 1)) * (mp.gammainc(c + 1, 0, y) - mp.gammainc(c + 1, 0, y * u0))
        # Second route: sum over the queue seen on arrival; e^{-θ V_j} ~ Beta(c, j+1), so
        # P(answered within t | j) = E[U; U >= u0] = ∫_{u0}^1 u · u^{c-1}(1-u)^j / B(c, j+1) du.
        per_caller = mp.mpf(0)
        for j in range(0, len(weights) - n):
            pj = weights[n + j] / total
            if pj < mp.mpf(10) ** -40:
                break
            per_caller += pj * mp.betainc(c + 1, j + 1, u0, 1) / mp.beta(c, j + 1)
        assert abs(per_caller - ans_wait) < mp.mpf(10) ** -25, (per_caller, ans_wait)
        answered = (1 - p_wait) + ans_wait
        # Abandoned within t: ∫ nμ π_n e^{φ(s)} (1 - e^{-θ min(s,t)}) ds.
        ab_within = n * mu * pi_n * (mp.quad(lambda s: mp.exp(phi(s)) * (1 - mp.exp(-theta * s)), [0, t])
                                     + (1 - u0) * mp.quad(lambda s: mp.exp(phi(s)), [t, mp.inf]))
        print(f"  answered within {t}: {mp.nstr(answered, 17)}  abandoned within {t}: {mp.nstr(ab_within, 17)}")


a = erlang_c_report(360, 1800, 240, 55, [15, 20])
print("  minimum agents for 80/20:", minimum_agents(a, 240, 0.8, 20))
print("  minimum agents for 80/15:", minimum_agents(a, 240, 0.8, 15))
erlang_c_report(360, 1800, 240, 54, [20])
erlang_c_report(100, 1800, 180, 14, [20])
erlang_c_report(100, 1800, 180, 11, [20])
print("  minimum agents for 80/20 (A=10):", minimum_agents(F(10), 180, 0.8, 20))
print("C(A=950, n=1000) =", mp.nstr(mpq(erlang_c_exact(F(950), 1000)), 17))
print("C(A=9500, n=9600) B-recursion at 50 digits =",
      mp.nstr((lambda b: 9600 * b / (9600 - 9500 * (1 - b)))(erlang_b(mp.mpf(9500), 9600)), 17))

# Time in seconds: 360 calls per half hour, AHT 240 s, mean patience 180 s, 55 and 45 agents.
erlang_a(mp.mpf(360) / 1800, mp.mpf(1) / 240, mp.mpf(1) / 180, 55, [5, 15, 20])
erlang_a(mp.mpf(360) / 1800, mp.mpf(1) / 240, mp.mpf(1) / 180, 45, [20, 60])
# One agent: λ = 1/min, AHT 2 min (μ = 0.5), mean patience 1 min (θ = 1); time in minutes.
erlang_a(1, mp.mpf(1) / 2, 1, 1, [1])


def erlang_a_answered_within(lam, mu, theta, n, t):
    lam, mu, theta = mp.mpf(lam), mp.mpf(mu), mp.mpf(theta)
    x, y = n * mu / theta, lam / theta
    big_a = x * mp.exp(y) * y ** (-x) * mp.gammainc(x, 0, y)
    eb = erlang_b(lam / mu, n)
    p_wait = big_a * eb / (1 + (big_a - 1) * eb)
    pi_n = p_wait / big_a
    u0 = mp.exp(-theta * t)
    p_ab = (1 / (lam / (n * mu) * big_a) + 1 - n * mu / lam) * p_wait
    ans = (1 - p_wait) + pi_n * x * mp.exp(y) * y ** (-(x + 1)) * (mp.gammainc(x + 1, 0, y) - mp.gammainc(x + 1, 0, y * u0))
    return ans, p_ab


def erlang_a_minimum(calls, interval_s, aht_s, patience_s, target, t, max_ab=None):
    lam, mu, theta = mp.mpf(calls) / interval_s, mp.mpf(1) / aht_s, mp.mpf(1) / patience_s
    n = 1
    while True:
        sl, ab = erlang_a_answered_within(lam, mu, theta, n, t)
        if sl >= target and (max_ab is None or ab <= max_ab):
            prev = erlang_a_answered_within(lam, mu, theta, n - 1, t) if n > 1 else None
            return n, mp.nstr(sl, 10), mp.nstr(ab, 10), prev and mp.nstr(prev[0], 10)
        n += 1


mp.mp.dps = 30
print("Erlang A minimum, A=48, patience 180 s, 80/20:", erlang_a_minimum(360, 1800, 240, 180, 0.8, 20))
print("Erlang A minimum, A=48, patience 180 s, 80/20, abandonment <= 1%:", erlang_a_minimum(360, 1800, 240, 180, 0.8, 20, 0.01))
print("Erlang A minimum, A=480, patience 30 s, 80/60:", erlang_a_minimum(3600, 1800, 240, 30, 0.8, 60))

mp.mp.dps = 40
print("Erlang A, textbook load, patience a million handle times (θ = 1e-6 per AHT), 49 agents:")
for t in (0, 120):
    print(f"  answered within {t} s:", mp.nstr(erlang_a_answered_within(mp.mpf(1) / 5, mp.mpf(1) / 240, 1 / (mp.mpf(240) * 10 ** 6), 49, t)[0], 17))
