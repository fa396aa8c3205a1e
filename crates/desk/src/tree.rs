//! An order-statistic treap: a sorted set whose nodes count their subtree per category, so
//! insert, remove, "n-th member of category c" and "rank of key in category c" are all
//! O(log n). The chat list uses it to answer `rows(filter, range)` for a virtualized list
//! without walking the chats above the visible window.

/// Number of categories counted per subtree; category 0 is "every member".
pub(crate) const CATEGORIES: usize = 5;

const NIL: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Node<K> {
    key: K,
    prio: u32,
    left: u32,
    right: u32,
    /// Bit c set: the node belongs to category c (bit 0 is always set).
    mask: u8,
    counts: [u32; CATEGORIES],
}

impl<K> Node<K> {
    /// The node's own contribution to the counts (its mask as 0/1 per category).
    fn counts_self(&self) -> [u32; CATEGORIES] {
        let mut out = [0; CATEGORIES];
        for (c, slot) in out.iter_mut().enumerate() {
            *slot = u32::from(self.mask >> c & 1);
        }
        out
    }
}

#[derive(Debug, Clone)]
pub(crate) struct OrderTree<K> {
    nodes: Vec<Node<K>>,
    free: Vec<u32>,
    root: u32,
    seed: u32,
    /// Scratch for `remove`'s descent, kept to avoid an allocation per call.
    path: Vec<u32>,
}

impl<K: Ord + Copy> Default for OrderTree<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Ord + Copy> OrderTree<K> {
    pub(crate) fn new() -> Self {
        Self {
            nodes: Vec::new(),
            free: Vec::new(),
            root: NIL,
            seed: 0x9E37_79B9,
            path: Vec::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.count(0)
    }

    /// Members of category `cat`.
    pub(crate) fn count(&self, cat: usize) -> usize {
        self.counts_of(self.root)[cat] as usize
    }

    /// Inserts `key` (which must not be present) with category bits `mask` (bit 0 is implied).
    pub(crate) fn insert(&mut self, key: K, mask: u8) {
        let node = self.alloc(key, mask | 1);
        let prio = self.nodes[node as usize].prio;
        let add = self.nodes[node as usize].counts;
        // Walk down while the existing nodes outrank the new one (their subtrees gain it),
        // then split only the subtree found there around the new node.
        let (mut parent, mut went_left) = (NIL, false);
        let mut t = self.root;
        while t != NIL && self.nodes[t as usize].prio > prio {
            let n = &mut self.nodes[t as usize];
            for (count, a) in n.counts.iter_mut().zip(add) {
                *count += a;
            }
            parent = t;
            went_left = key < n.key;
            t = if went_left { n.left } else { n.right };
        }
        let (l, r) = self.split(t, &key, false);
        let n = &mut self.nodes[node as usize];
        n.left = l;
        n.right = r;
        self.update(node);
        self.set_link(parent, went_left, node);
    }

    /// Removes `key`; returns whether it was present.
    pub(crate) fn remove(&mut self, key: &K) -> bool {
        // One descent, remembering the path: its counts drop only once the key is found.
        self.path.clear();
        let mut t = self.root;
        while t != NIL {
            let n = &self.nodes[t as usize];
            match key.cmp(&n.key) {
                std::cmp::Ordering::Less => {
                    self.path.push(t);
                    t = n.left;
                }
                std::cmp::Ordering::Greater => {
                    self.path.push(t);
                    t = n.right;
                }
                std::cmp::Ordering::Equal => break,
            }
        }
        if t == NIL {
            return false;
        }
        let target = &self.nodes[t as usize];
        let sub = target.counts_self();
        let (l, r) = (target.left, target.right);
        for &p in &self.path {
            let n = &mut self.nodes[p as usize];
            for (count, s) in n.counts.iter_mut().zip(sub) {
                *count -= s;
            }
        }
        let parent = self.path.last().copied().unwrap_or(NIL);
        let went_left = parent != NIL && self.nodes[parent as usize].left == t;
        let joined = self.merge(l, r);
        self.set_link(parent, went_left, joined);
        self.free.push(t);
        true
    }

    fn set_link(&mut self, parent: u32, left: bool, child: u32) {
        if parent == NIL {
            self.root = child;
        } else if left {
            self.nodes[parent as usize].left = child;
        } else {
            self.nodes[parent as usize].right = child;
        }
    }

    /// Changes the category bits of `key` in place: one descent, no restructuring.
    /// Returns false (and changes nothing) if `key` is absent.
    pub(crate) fn set_mask(&mut self, key: &K, mask: u8) -> bool {
        let mask = mask | 1;
        let mut t = self.root;
        let old = loop {
            if t == NIL {
                return false;
            }
            let node = &self.nodes[t as usize];
            match key.cmp(&node.key) {
                std::cmp::Ordering::Less => t = node.left,
                std::cmp::Ordering::Greater => t = node.right,
                std::cmp::Ordering::Equal => break node.mask,
            }
        };
        if old == mask {
            return true;
        }
        let mut t = self.root;
        loop {
            let node = &mut self.nodes[t as usize];
            for c in 0..CATEGORIES {
                let delta = i64::from(mask >> c & 1) - i64::from(old >> c & 1);
                node.counts[c] = (i64::from(node.counts[c]) + delta) as u32;
            }
            match key.cmp(&node.key) {
                std::cmp::Ordering::Less => t = node.left,
                std::cmp::Ordering::Greater => t = node.right,
                std::cmp::Ordering::Equal => {
                    node.mask = mask;
                    return true;
                }
            }
        }
    }

    /// The `n`-th (0-based) member of category `cat`, in key order.
    pub(crate) fn nth(&self, cat: usize, mut n: usize) -> Option<K> {
        let bit = 1u8 << cat;
        let mut t = self.root;
        while t != NIL {
            let node = &self.nodes[t as usize];
            let left = self.counts_of(node.left)[cat] as usize;
            if n < left {
                t = node.left;
                continue;
            }
            n -= left;
            if node.mask & bit != 0 {
                if n == 0 {
                    return Some(node.key);
                }
                n -= 1;
            }
            t = node.right;
        }
        None
    }

    /// How many members of category `cat` sort before `key`.
    pub(crate) fn rank(&self, cat: usize, key: &K) -> usize {
        let bit = 1u8 << cat;
        let mut t = self.root;
        let mut acc = 0usize;
        while t != NIL {
            let node = &self.nodes[t as usize];
            if *key <= node.key {
                t = node.left;
            } else {
                acc += self.counts_of(node.left)[cat] as usize;
                if node.mask & bit != 0 {
                    acc += 1;
                }
                t = node.right;
            }
        }
        acc
    }

    /// Every member in key order.
    #[cfg(test)]
    pub(crate) fn for_each(&self, mut f: impl FnMut(&K, u8) -> bool) {
        let mut stack = Vec::new();
        let mut t = self.root;
        loop {
            while t != NIL {
                stack.push(t);
                t = self.nodes[t as usize].left;
            }
            let Some(top) = stack.pop() else { return };
            let node = &self.nodes[top as usize];
            if !f(&node.key, node.mask) {
                return;
            }
            t = node.right;
        }
    }

    fn counts_of(&self, t: u32) -> [u32; CATEGORIES] {
        if t == NIL {
            [0; CATEGORIES]
        } else {
            self.nodes[t as usize].counts
        }
    }

    fn alloc(&mut self, key: K, mask: u8) -> u32 {
        // xorshift32: priorities only need to look random, not be secure.
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 17;
        self.seed ^= self.seed << 5;
        let mut counts = [0; CATEGORIES];
        for (c, slot) in counts.iter_mut().enumerate() {
            *slot = u32::from(mask >> c & 1);
        }
        let node = Node {
            key,
            prio: self.seed,
            left: NIL,
            right: NIL,
            mask,
            counts,
        };
        if let Some(i) = self.free.pop() {
            self.nodes[i as usize] = node;
            i
        } else {
            self.nodes.push(node);
            (self.nodes.len() - 1) as u32
        }
    }

    fn update(&mut self, t: u32) {
        let (l, r) = {
            let n = &self.nodes[t as usize];
            (n.left, n.right)
        };
        let (lc, rc) = (self.counts_of(l), self.counts_of(r));
        let n = &mut self.nodes[t as usize];
        for c in 0..CATEGORIES {
            n.counts[c] = lc[c] + rc[c] + u32::from(n.mask >> c & 1);
        }
    }

    /// Splits `t` into keys `< key` and the rest (`inclusive`: keys `<= key` and the rest).
    fn split(&mut self, t: u32, key: &K, inclusive: bool) -> (u32, u32) {
        if t == NIL {
            return (NIL, NIL);
        }
        let goes_left = {
            let k = &self.nodes[t as usize].key;
            if inclusive { k <= key } else { k < key }
        };
        if goes_left {
            let right = self.nodes[t as usize].right;
            let (a, b) = self.split(right, key, inclusive);
            self.nodes[t as usize].right = a;
            self.update(t);
            (t, b)
        } else {
            let left = self.nodes[t as usize].left;
            let (a, b) = self.split(left, key, inclusive);
            self.nodes[t as usize].left = b;
            self.update(t);
            (a, t)
        }
    }

    /// Joins two trees where every key of `a` sorts before every key of `b`.
    fn merge(&mut self, a: u32, b: u32) -> u32 {
        if a == NIL {
            return b;
        }
        if b == NIL {
            return a;
        }
        if self.nodes[a as usize].prio > self.nodes[b as usize].prio {
            let ar = self.nodes[a as usize].right;
            let m = self.merge(ar, b);
            self.nodes[a as usize].right = m;
            self.update(a);
            a
        } else {
            let bl = self.nodes[b as usize].left;
            let m = self.merge(a, bl);
            self.nodes[b as usize].left = m;
            self.update(b);
            b
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn matches_a_sorted_map_under_churn() {
        let mut tree = OrderTree::new();
        let mut oracle: BTreeMap<i64, u8> = BTreeMap::new();
        let mut x: u64 = 12345;
        for step in 0..5000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let key = (x >> 33) as i64 % 300;
            let mask = ((x >> 20) as u8 & 0b1110) | 1;
            if step % 5 == 0 && oracle.contains_key(&key) {
                assert!(tree.set_mask(&key, mask));
                oracle.insert(key, mask);
            } else if oracle.remove(&key).is_some() {
                assert!(tree.remove(&key));
            } else {
                assert!(!tree.remove(&key));
                tree.insert(key, mask);
                oracle.insert(key, mask);
            }
            if step % 97 == 0 {
                for cat in 0..CATEGORIES {
                    let members: Vec<i64> = oracle
                        .iter()
                        .filter(|(_, m)| *m >> cat & 1 == 1)
                        .map(|(k, _)| *k)
                        .collect();
                    assert_eq!(tree.count(cat), members.len());
                    for (i, k) in members.iter().enumerate() {
                        assert_eq!(tree.nth(cat, i), Some(*k));
                        assert_eq!(tree.rank(cat, k), i);
                    }
                    assert_eq!(tree.nth(cat, members.len()), None);
                }
            }
        }
        let mut all = Vec::new();
        tree.for_each(|k, _| {
            all.push(*k);
            true
        });
        assert_eq!(all, oracle.keys().copied().collect::<Vec<_>>());
    }
}
