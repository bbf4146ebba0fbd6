//! Stable sorting with little code in the browser build.
//!
//! `slice::sort_by_key` compiles the standard library's driftsort afresh for every element
//! type, about 6.7 KB of wasm each; eight of them were an eighth of the module. [`by_key`]
//! gives the same order (stable: ties keep their order, so the result is the one and only
//! stable order) with one shared merge sort over indices behind a `dyn` comparison, and a
//! few hundred bytes per element type. Native builds keep the standard sort.

/// Sorts `v` by `key`, stably: exactly what `v.sort_by_key(key)` does.
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by_key(key);
    #[cfg(target_arch = "wasm32")]
    {
        let mut key = key;
        let perm = order(v.len(), &mut |a, b| key(&v[a]) < key(&v[b]));
        permute(v, perm);
    }
}

/// Sorts `v` by a 64-bit `key`, stably: exactly what `by_key(v, key)` does. Native builds
/// sort a long list by radix, a byte of the key at a time (bytes in which no two keys
/// differ are passed over): the entity stage sorts every mention of a long text by position,
/// twice, and a comparison sort of those was a fiftieth of the engine's time. The wasm keeps
/// its one merge sort. (A `Vec`, as the radix sort swaps it with its copy.)
#[cfg_attr(target_arch = "wasm32", allow(clippy::ptr_arg))]
pub fn by_u64_key<T: Copy>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if v.len() < 64 {
            v.sort_by_key(key);
        } else {
            radix(v, key);
        }
    }
    #[cfg(target_arch = "wasm32")]
    by_key(v, key);
}

/// The least-significant-digit radix sort of [`by_u64_key`]: one stable counting pass per
/// byte of the key that is not the same in every key (the counts of every byte taken in one
/// pass first).
#[cfg(not(target_arch = "wasm32"))]
fn radix<T: Copy>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut counts = [[0usize; 256]; 8];
    for x in v.iter() {
        let k = key(x);
        for (b, c) in counts.iter_mut().enumerate() {
            c[(k >> (8 * b)) as usize & 0xff] += 1;
        }
    }
    let mut from = v.clone();
    for (b, c) in counts.iter_mut().enumerate() {
        // (A byte all keys share leaves the order as it is.)
        if c.contains(&v.len()) {
            continue;
        }
        let mut sum = 0;
        for n in c.iter_mut() {
            (*n, sum) = (sum, sum + *n);
        }
        std::mem::swap(v, &mut from);
        for x in from.iter() {
            let d = (key(x) >> (8 * b)) as usize & 0xff;
            v[c[d]] = *x;
            c[d] += 1;
        }
    }
}

/// The stable sorted order of `0..n` under `less`: a bottom-up merge sort.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = a.clone();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // The right run's element goes first only when strictly less: stable.
                if j < hi && (i >= mid || less(a[j], a[i])) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearranges `v` so that position `i` holds what was at `perm[i]`, following cycles.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn permute<T>(v: &mut [T], mut perm: Vec<usize>) {
    for i in 0..v.len() {
        let mut j = i;
        loop {
            let k = perm[j];
            perm[j] = j;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed-seed xorshift generator: the same keys on every run.
    fn xorshift() -> impl FnMut() -> u32 {
        let mut seed = 0x2545_f491_u32;
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        }
    }

    /// The wasm path (`order` + `permute`) gives what the standard stable sort gives.
    #[test]
    fn merge_sort_of_indices_is_the_stable_sort() {
        let mut rnd = xorshift();
        for n in [0, 1, 2, 3, 5, 8, 13, 64, 100, 1000] {
            for range in [2, 10, 1000] {
                let v: Vec<(u32, usize)> = (0..n).map(|i| (rnd() % range, i)).collect();
                let mut want = v.clone();
                want.sort_by_key(|x| x.0);
                let mut got = v.clone();
                let perm = order(got.len(), &mut |a, b| v[a].0 < v[b].0);
                permute(&mut got, perm);
                assert_eq!(got, want, "n {n}, keys < {range}");
            }
        }
    }

    /// `by_u64_key` gives what the standard stable sort gives, keys alike in some bytes and
    /// not in others.
    #[test]
    fn u64_key_sort_is_the_stable_sort() {
        let mut rnd = xorshift();
        for n in [0, 1, 5, 63, 64, 65, 100, 1000, 5000] {
            for (range, shift) in [(2, 0), (1000, 0), (1 << 20, 20), (u32::MAX, 32)] {
                let v: Vec<(u64, usize)> = (0..n)
                    .map(|i| (u64::from(rnd() % range) << shift | 7, i))
                    .collect();
                let mut want = v.clone();
                want.sort_by_key(|x| x.0);
                let mut got = v.clone();
                by_u64_key(&mut got, |x| x.0);
                assert_eq!(got, want, "n {n}, keys < {range} << {shift}");
            }
        }
    }
}
