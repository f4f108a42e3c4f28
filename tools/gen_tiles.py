# Generates the register-blocked micro-kernels of VectorKernels (6 rows x NV vectors, and 4x4 / 8x1 dot-product tiles).
# Usage: python3 tools/gen_tiles.py > /tmp/tiles.java and python3 tools/gen_tiles.py lanes > /tmp/lanes.java, then
# replace the matching "generated" sections at the end of VectorKernels.java (tools/regen.sh does both).
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

def gemms():
    out = [nn_tile(4, False), nn_tile(2, False), nn_tile(1, False), nt_tile(4, 4), nt_tile(6, 3), nt_tile(8, 1)]
    print("    // ---- generated by tools/gen_tiles.py: register-blocked micro-kernels ----\n")
    print("\n\n".join(out))
    print("    // ---- end of generated code ----")


# ---------------------------------------------------------------------------------------------------------------
# Batch-lane convolution tiles: activations [C][H][W][n], the n images of a chunk in the vector lanes.

def conv_fwd_tile(P, C):
    """P output pixels x C output channels; loop over the Ci*k*k kernel taps. The driver passes each pixel's input
    offset xo (top-left tap) and output offset yo: no division in here."""
    name = f"convTile{P}x{C}"
    o = []
    xs = ", ".join(f"int xo{i}" for i in range(P)); ys = ", ".join(f"int yo{i}" for i in range(P))
    o.append(f"    private static void {name}(float[] x, int n, {xs}, {ys}, int[] taps, int kk,")
    o.append(f"                                 float[] w, int wOff, int co0, int co, float[] bias, int bOff, float[] y, int cs, boolean relu) {{")
    o.append(f"        // {C} channels (repeating co-1 past the end; repeated pixels come from the driver): same values, stored twice")
    for j in range(C):
        o.append(f"        int c{j} = Math.min(co0 + {j}, co - 1), pw{j} = wOff + c{j} * kk;")
    for j in range(C):
        o.append(f"        FloatVector " + ", ".join(f"a{i}{j}" for i in range(P)) + f"; {{ FloatVector z = FloatVector.broadcast(S, bias[bOff + c{j}]); " + " ".join(f"a{i}{j} = z;" for i in range(P)) + " }")
    o.append("        // one flat loop over the taps: nested loops with small trip counts known only at run time run at half speed")
    o.append("        for (int q = 0; q < kk; q++) {")
    o.append("                    int off = taps[q] * n;")
    for j in range(C):
        o.append(f"                    FloatVector w{j} = FloatVector.broadcast(S, w[pw{j} + q]);")
    for i in range(P):
        o.append(f"                    FloatVector x{i} = FloatVector.fromArray(S, x, xo{i} + off);")
        o.append("                    " + " ".join(f"a{i}{j} = x{i}.fma(w{j}, a{i}{j});" for j in range(C)))
    o.append("                }")
    o.append("        if (relu) { // the ReLU that follows, applied before the store: no second pass over y. Exactly max(y, 0) as")
    o.append("            // VectorKernels.activate computes it (NaN stays, -0 and negatives become +0), as a compare and a blend: C2's")
    o.append("            // Java-exact max of 24 vectors here took more registers than the tile has and doubled its time")
    o.append("            FloatVector z = FloatVector.zero(S);")
    for j in range(C):
        o.append("            " + " ".join(f"a{i}{j} = a{i}{j}.blend(z, a{i}{j}.compare(VectorOperators.LE, z));" for i in range(P)))
    o.append("        }")
    for j in range(C):
        for i in range(P):
            o.append(f"        a{i}{j}.intoArray(y, c{j} * cs + yo{i});")
    o.append("    }")
    return "\n".join(o)

def conv_dw_tile(C, K):
    """C output channels x K kernel taps; loop over all output pixels; dW += lane sums."""
    name = f"convWeightTile{C}x{K}"
    o = []
    o.append(f"    private static void {name}(float[] x, float[] dy, int n, int v, int pixels, int wo, int stride, int wp, int hp, int k,")
    o.append(f"                                       int kk, int co0, int co, int tap0, float[] g, int wOff) {{")
    o.append(f"        // {C} channels x {K} taps (t = (ci·k + ky)·k + kx); repeated rows/taps at the edges give the same sums, stored twice")
    for j in range(C):
        o.append(f"        int c{j} = Math.min(co0 + {j}, co - 1), pd{j} = c{j} * pixels * n + v;")
    for t in range(K):
        o.append(f"        int t{t} = Math.min(tap0 + {t}, kk - 1), o{t} = (((t{t} / (k * k)) * hp + (t{t} / k) % k) * wp + t{t} % k) * n;")
    accs = [f"s{j}{t}" for j in range(C) for t in range(K)]
    o.append("        FloatVector zero = FloatVector.zero(S);")
    o.append("        FloatVector " + ", ".join(f"{a} = zero" for a in accs) + ";")
    o.append("        for (int p = 0, oy = 0, ox = 0; p < pixels; p++) {")
    o.append("            int px = (oy * stride * wp + ox * stride) * n + v, pp = p * n;")
    for j in range(C):
        o.append(f"            FloatVector d{j} = FloatVector.fromArray(S, dy, pd{j} + pp);")
    for t in range(K):
        o.append(f"            FloatVector x{t} = FloatVector.fromArray(S, x, px + o{t});")
        o.append("            " + " ".join(f"s{j}{t} = d{j}.fma(x{t}, s{j}{t});" for j in range(C)))
    o.append("            if (++ox == wo) { ox = 0; oy++; }")
    o.append("        }")
    o.append("        // lane sums (written out: a vector passed to a call that is not inlined is allocated), read before written")
    for j in range(C):
        for t in range(K):
            v = f"s{j}{t}"
            o.append(f"        if (L >= 16) {v} = {v}.add({v}.rearrange(FOLD8));")
            o.append(f"        if (L >= 8) {v} = {v}.add({v}.rearrange(FOLD4));")
            o.append(f"        {v} = {v}.add({v}.rearrange(FOLD2)); {v} = {v}.add({v}.rearrange(FOLD1));")
    for j in range(C):
        for t in range(K):
            o.append(f"        float r{j}{t} = g[wOff + c{j} * kk + t{t}] + s{j}{t}.lane(0);")
    for j in range(C):
        o.append("        " + " ".join(f"g[wOff + c{j} * kk + t{t}] = r{j}{t};" for t in range(K)))
    o.append("    }")
    return "\n".join(o)

def conv_dx_tile(P, C):
    """P output pixels x C input channels for one kernel tap: dxp[c][pixel + tap] += sum over co of w * dy. The driver
    passes each pixel's dy offset (do) and the dxp offset it feeds for this tap (xo): no division in here."""
    name = f"convInputTile{P}x{C}"
    o = []
    ds = ", ".join(f"int do{i}" for i in range(P)); xs = ", ".join(f"int xo{i}" for i in range(P))
    o.append(f"    private static void {name}(float[] w, int wOff, float[] dy, int ds, {ds}, {xs},")
    o.append(f"                                      int co, int ci0, int ci, int kk, int tap, float[] dxp, int plane) {{")
    o.append(f"        // {P} pixels x {C} input channels; repeats at the edges load and store the same values (all loads come first)")
    for j in range(C):
        o.append(f"        int c{j} = Math.min(ci0 + {j}, ci - 1), pc{j} = c{j} * plane, pw{j} = wOff + c{j} * (kk / ci) + tap;")
    for j in range(C):
        o.append("        FloatVector " + ", ".join(f"a{i}{j} = FloatVector.fromArray(S, dxp, pc{j} + xo{i})" for i in range(P)) + ";")
    o.append("        for (int o = 0, pd = 0, pw = 0; o < co; o++, pd += ds, pw += kk) {")
    for j in range(C):
        o.append(f"            FloatVector w{j} = FloatVector.broadcast(S, w[pw{j} + pw]);")
    for i in range(P):
        o.append(f"            FloatVector d{i} = FloatVector.fromArray(S, dy, pd + do{i});")
        o.append("            " + " ".join(f"a{i}{j} = d{i}.fma(w{j}, a{i}{j});" for j in range(C)))
    o.append("        }")
    for j in range(C):
        for i in range(P):
            o.append(f"        a{i}{j}.intoArray(dxp, pc{j} + xo{i});")
    o.append("    }")
    return "\n".join(o)

def conv_dx_row_tile(S, C, K):
    """Input gradient, stride 1, kernel K: one output row y of dx, the S+K-1 pixels from ox0 on, C input channels, held in
    registers while every kernel row ky and output channel o adds its share: source pixel ox0+i of dy row y-ky feeds
    target ox0+i+kx through weight (o, c, ky, kx). S·K·C FMAs per S dy loads and K·C weight broadcasts, and the targets
    are loaded and stored once per call instead of once per kernel tap."""
    T = S + K - 1
    name = f"convInputRow{S}x{C}k{K}"
    o = []
    o.append(f"    private static void {name}(float[] w, int wOff, float[] dy, int co, int ci, int ho, int wo, int n, int v,")
    o.append(f"                                         float[] dxp, int plane, int wp, int y, int ox0, int cg) {{")
    o.append(f"        // {T} target pixels x {C} input channels (repeating ci-1 past the end: all loads come first, so a repeated")
    o.append(f"        // channel stores the same values twice)")
    for c in range(C):
        o.append(f"        int c{c} = Math.min(cg + {c}, ci - 1), pt{c} = c{c} * plane + (y * wp + ox0) * n + v;")
    for c in range(C):
        o.append("        FloatVector " + ", ".join(f"a{t}_{c} = FloatVector.fromArray(S, dxp, pt{c} + {t} * n)" for t in range(T)) + ";")
    o.append(f"        for (int ky = Math.max(0, y - ho + 1), kyEnd = Math.min({K - 1}, y); ky <= kyEnd; ky++) {{")
    o.append("            int oy = y - ky;")
    o.append("            for (int o = 0; o < co; o++) {")
    o.append("                int pd = ((o * ho + oy) * wo + ox0) * n + v;")
    for i in range(S):
        o.append(f"                FloatVector d{i} = FloatVector.fromArray(S, dy, pd + {i} * n);")
    for c in range(C):
        o.append(f"                int pw{c} = wOff + ((o * ci + c{c}) * {K} + ky) * {K};")
    for kx in range(K):
        for c in range(C):
            o.append(f"                FloatVector w{kx}_{c} = FloatVector.broadcast(S, w[pw{c} + {kx}]);")
            o.append("                " + " ".join(f"a{i + kx}_{c} = d{i}.fma(w{kx}_{c}, a{i + kx}_{c});" for i in range(S)))
    o.append("            }")
    o.append("        }")
    for c in range(C):
        for t in range(T):
            o.append(f"        a{t}_{c}.intoArray(dxp, pt{c} + {t} * n);")
    o.append("    }")
    return "\n".join(o)

def wide_tile(nv):
    """One image, stride 1: 6 output channels x nv vectors of 'wide' output columns j (row-major over the padded
    width, so output pixel (y, x) is column y*wp + x); kernel tap (c, ky, kx) reads the input at (c*hp + ky)*wp + kx + j."""
    name = f"wideTile6x{nv}"
    o = []
    o.append(f"    private static void {name}(float[] xp, int[] taps, int kk, float[] w, int wOff, int bOff, int co, int co0,")
    o.append(f"                                 float[] out, int cols, int j) {{")
    o.append("        // six output channels (repeating co-1 past the end: same values, stored twice)")
    for r in range(6):
        o.append(f"        int r{r} = Math.min(co0 + {r}, co - 1), pw{r} = wOff + r{r} * kk, pc{r} = r{r} * cols + j;")
    for r in range(6):
        o.append(f"        FloatVector " + ", ".join(f"x{r}{v}" for v in range(nv)) + f"; {{ FloatVector z = FloatVector.broadcast(S, w[bOff + r{r}]); " + " ".join(f"x{r}{v} = z;" for v in range(nv)) + " }")
    o.append("        for (int q = 0; q < kk; q++) { // one flat loop over the taps (see convTile4x6)")
    o.append("                    int pb = taps[q] + j;")
    for v in range(nv):
        o.append(f"                    FloatVector b{v} = FloatVector.fromArray(S, xp, pb + {v} * L);")
    for r in range(6):
        o.append(f"                    FloatVector w{r} = FloatVector.broadcast(S, w[pw{r} + q]);")
        o.append("                    " + " ".join(f"x{r}{v} = b{v}.fma(w{r}, x{r}{v});" for v in range(nv)))
    o.append("                }")
    for r in range(6):
        for v in range(nv):
            o.append(f"        x{r}{v}.intoArray(out, pc{r} + {v} * L);")
    o.append("    }")
    return "\n".join(o)

def lanes():
    out = [wide_tile(4), wide_tile(2), wide_tile(1), conv_fwd_tile(4, 6), conv_fwd_tile(6, 4), conv_dw_tile(6, 4), conv_dw_tile(4, 6), conv_dx_tile(4, 6),
           conv_dx_row_tile(5, 2, 5)]
    print("    // ---- generated by tools/gen_tiles.py lanes: batch-lane convolution tiles ----\n")
    print("\n\n".join(out))
    print("    // ---- end of generated lane tiles ----")

if __name__ == "__main__":
    import sys
    lanes() if len(sys.argv) > 1 and sys.argv[1] == "lanes" else gemms()
