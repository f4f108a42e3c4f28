# Generates the register-blocked micro-kernels of VectorKernels (6 rows x NV vectors, and 4x4 / 8x1 dot-product tiles).
# Usage: python3 tools/gen_tiles.py > /tmp/tiles.java, then paste between the "generated" markers of VectorKernels.java.
# The tiles hold no masked vector operations: C1 gives up on big methods full of them ("out of virtual registers"),
# and a method C1 cannot compile can get stuck in slow tier-2 code. Tails are handled by small separate methods.
def nn_tile(nv, masked):
    name = f"tile6x{nv}" + ("m" if masked else "")
    o = []
    sig = ("int k, float[] a, int aOff, int ars, int acs, int m, int i0, float[] b, int bOff, int ldb, "
           "float[] c, int cOff, int ldc, int j, float[] bias, int biasOff, boolean acc" + (", VectorMask<Float> mask" if masked else ""))
    o.append(f"    private static void {name}({sig}) {{")
    o.append("        // six rows of A (the last ones repeat row m-1 when m is not a multiple of 6: same values, stored twice)")
    for r in range(6):
        o.append(f"        int r{r} = Math.min(i0 + {r}, m - 1);")
    for r in range(6):
        o.append(f"        int pa{r} = aOff + r{r} * ars, pc{r} = cOff + r{r} * ldc + j;")
    accs = [f"x{r}{v}" for r in range(6) for v in range(nv)]
    o.append("        FloatVector " + ", ".join(accs) + ";")
    o.append("        if (acc) {")
    for r in range(6):
        for v in range(nv):
            if masked:
                o.append(f"            x{r}{v} = FloatVector.fromArray(S, c, pc{r}, mask);")
            else:
                o.append(f"            x{r}{v} = FloatVector.fromArray(S, c, pc{r} + {v} * L);")
    o.append("        } else {")
    for r in range(6):
        o.append(f"            FloatVector z{r} = FloatVector.broadcast(S, bias == null ? 0f : bias[biasOff + r{r}]);")
        o.append("            " + " ".join(f"x{r}{v} = z{r};" for v in range(nv)))
    o.append("        }")
    o.append("        int pb = bOff + j;")
    o.append("        for (int p = 0; p < k; p++, pb += ldb) {")
    for v in range(nv):
        if masked:
            o.append(f"            FloatVector b{v} = FloatVector.fromArray(S, b, pb, mask);")
        else:
            o.append(f"            FloatVector b{v} = FloatVector.fromArray(S, b, pb + {v} * L);")
    o.append("            int q = p * acs;")
    for r in range(6):
        o.append(f"            FloatVector w{r} = FloatVector.broadcast(S, a[pa{r} + q]);")
        o.append("            " + " ".join(f"x{r}{v} = b{v}.fma(w{r}, x{r}{v});" for v in range(nv)))
    o.append("        }")
    for r in range(6):
        for v in range(nv):
            if masked:
                o.append(f"        x{r}{v}.intoArray(c, pc{r}, mask);")
            else:
                o.append(f"        x{r}{v}.intoArray(c, pc{r} + {v} * L);")
    o.append("    }")
    return "\n".join(o)

def nt_tile(mr, nr):
    name = f"dot{mr}x{nr}"
    o = []
    sig = ("int l, float[] a, int aOff, int lda, int m, int i0, float[] b, int bOff, int ldb, int n, int j0, "
           "float[] c, int cOff, int ldc, float[] bias, int biasOff, boolean acc")
    o.append(f"    private static void {name}({sig}) {{")
    o.append(f"        // {mr} rows of A against {nr} rows of B; rows past the end repeat the last one (same result, stored twice)")
    for r in range(mr):
        o.append(f"        int ri{r} = Math.min(i0 + {r}, m - 1), pa{r} = aOff + ri{r} * lda;")
    for s in range(nr):
        o.append(f"        int rj{s} = Math.min(j0 + {s}, n - 1), pb{s} = bOff + rj{s} * ldb;")
    accs = [f"s{r}{s}" for r in range(mr) for s in range(nr)]
    o.append("        FloatVector zero = FloatVector.zero(S);")
    o.append("        FloatVector " + ", ".join(f"{x} = zero" for x in accs) + ";")
    o.append("        int p = 0;")
    o.append("        for (int bound = S.loopBound(l); p < bound; p += L) {")
    for r in range(mr):
        o.append(f"            FloatVector a{r} = FloatVector.fromArray(S, a, pa{r} + p);")
    for s in range(nr):
        o.append(f"            FloatVector b{s} = FloatVector.fromArray(S, b, pb{s} + p);")
    for r in range(mr):
        o.append("            " + " ".join(f"s{r}{s} = a{r}.fma(b{s}, s{r}{s});" for s in range(nr)))
    o.append("        }")
    o.append("        // scalar tail (l % L values): kept out of the vector code so that C1 can compile this method too")
    o.append("        // read every initial value before writing any: repeated rows must not add twice")
    for r in range(mr):
        for s in range(nr):
            o.append(f"        int q{r}{s} = cOff + ri{r} * ldc + rj{s};")
    o.append("        // lane sums, written out here rather than calling sumLanes: a big method may not get it inlined, and a")
    o.append("        // vector passed to a call that is not inlined is allocated")
    for r in range(mr):
        for s in range(nr):
            v = f"s{r}{s}"
            o.append(f"        if (L >= 16) {v} = {v}.add({v}.rearrange(FOLD8));")
            o.append(f"        if (L >= 8) {v} = {v}.add({v}.rearrange(FOLD4));")
            o.append(f"        {v} = {v}.add({v}.rearrange(FOLD2)); {v} = {v}.add({v}.rearrange(FOLD1));")
    for r in range(mr):
        for s in range(nr):
            o.append(f"        float t{r}{s} = (acc ? c[q{r}{s}] : bias == null ? 0f : bias[biasOff + rj{s}]) + s{r}{s}.lane(0)"
                     f" + dotTail(a, pa{r}, b, pb{s}, p, l);")
    for r in range(mr):
        o.append("        " + " ".join(f"c[q{r}{s}] = t{r}{s};" for s in range(nr)))
    o.append("    }")
    return "\n".join(o)

out = [nn_tile(4, False), nn_tile(2, False), nn_tile(1, False), nt_tile(4, 4), nt_tile(8, 1)]
print("    // ---- generated by tools/gen_tiles.py: register-blocked micro-kernels ----\n")
print("\n\n".join(out))
print("    // ---- end of generated code ----")
