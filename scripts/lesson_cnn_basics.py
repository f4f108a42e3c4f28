#!/usr/bin/env python3
"""Writes the built-in lesson src/main/resources/org/convscope/app/lesson/cnn-basics.json (edit here, run, commit both).
Each step: (section, title, view, state, image, narration, try, question); texts as (English, Chinese)."""
import json, pathlib

def T(en, zh): return {"en": en, "zh": zh}
S = {n: T(*v) for n, v in {
    1: ("1. The parts of a CNN", "1. CNN 的组成"),
    2: ("2. Convolution", "2. 卷积层"),
    3: ("3. Activation", "3. 激活函数"),
    4: ("4. Pooling", "4. 池化层"),
    5: ("5. The classifier", "5. 全连接层：分类器"),
    6: ("6. Counting parameters", "6. 参数计数"),
    7: ("7. Local connection and weight sharing", "7. 局部连接与权重共享"),
    8: ("8. Translation invariance and locality", "8. 平移不变性与局部性"),
    9: ("9. Why not just an MLP?", "9. 为什么不直接用 MLP？"),
    10: ("10. LeNet-5", "10. LeNet-5"),
    11: ("11. Recognising handwriting", "11. 手写数字识别"),
    12: ("12. Training you can watch", "12. 看得见的训练"),
}.items()}
SEVEN = {"dataset": "mnist", "index": 0}   # MNIST test #0 is a 7

steps = []
def step(sec, title, view, narration, state=None, image=None, tri=None, question=None):
    s = {"section": S[sec], "title": title, "view": view}
    if state: s["state"] = state
    if image: s["image"] = image
    s["narration"] = narration
    if tri: s["try"] = tri
    if question: s["question"] = question
    steps.append(s)

step(1, T("A CNN in four kinds of layer", "由四种层构成的 CNN"), "overview",
     T("A convolutional neural network is built from convolution layers, activation functions, pooling layers and fully connected layers. "
       "The hidden part is a stack of convolution blocks: convolution, then activation, then pooling. The dense layers at the end turn the features into class scores.",
       "卷积神经网络由卷积层、激活函数、池化层和全连接层组成。隐藏部分是若干卷积块的堆叠：卷积、激活、再池化。最后的全连接层把特征变成各类别的得分。"),
     state={"model": "lenet5-modern"},
     tri=T("Follow the arrows from the input to the ten scores and name each block.", "沿着箭头从输入走到十个得分，说出每个块的名称。"))
step(1, T("Which layers learn?", "哪些层会学习？"), "overview",
     T("Only some layers have weights that training changes. The others compute a fixed function of their input.",
       "只有一部分层拥有训练会改变的权重，其他层只是对输入做固定的运算。"),
     state={"model": "lenet5-classic"},
     question={"kind": "choice", "prompt": T("Which layers have learnable parameters?", "哪些层有可学习的参数？"),
               "choices": [T("Convolution and fully connected layers", "卷积层和全连接层"), T("Pooling layers", "池化层"),
                           T("Activation functions", "激活函数"), T("Every layer", "每一层")],
               "answer": 0, "hint": T("Does taking the maximum of four numbers need any weight?", "取四个数中的最大值需要权重吗？"),
               "explain": T("Pooling and activation layers have no learnable parameters: the weights live in the kernels and the dense layers.",
                            "池化层和激活函数没有可学习的参数：权重都在卷积核和全连接层里。")})
step(1, T("The pictures it learns from", "它学习用的图片"), "browser",
     T("MNIST holds 70,000 handwritten digits, each 28 × 28 grey pixels; Fashion-MNIST holds clothes in the same format. Every picture is a grid of numbers from 0 (black) to 255 (white).",
       "MNIST 有 70,000 张手写数字，每张 28 × 28 个灰度像素；Fashion-MNIST 是同样格式的服装图片。每张图片都是一个数字网格，0 是黑，255 是白。"),
     state={"dataset": "mnist", "split": "test"},
     tri=T("Click a digit and look at its pixel values.", "点一个数字，看看它的像素值。"))
step(2, T("A kernel slides over the image", "卷积核在图像上滑动"), "kernel",
     T("A small kernel slides across the input. At each position the patch under it is multiplied element by element with the kernel and summed, plus the bias. That one number becomes one pixel of the output, the feature map.",
       "一个小卷积核在输入上滑动。在每个位置，把它下面的图像块与卷积核逐元素相乘再求和，加上偏置，得到的数就是输出特征图的一个像素。"),
     state={"source": "preset", "preset": "horizontal-edge", "padding": "0", "stride": "1", "position": "0"}, image=SEVEN,
     tri=T("Press Space to play, or → to go one position at a time. Watch the running sum.", "按空格播放，或用 Shift + → 一步一步走，注意累加的和。"))
step(2, T("Bright where the patch looks like the kernel", "图像块越像卷积核，越亮"), "kernel",
     T("The more the patch looks like the kernel, the larger the inner product and the brighter the output pixel. This kernel is bright above and dark below: a horizontal edge.",
       "图像块越像卷积核，内积越大，输出像素就越亮。这个卷积核上亮下暗：它找的是水平边缘。"),
     state={"source": "preset", "preset": "horizontal-edge", "padding": "0", "stride": "1", "position": "676"}, image=SEVEN,
     question={"kind": "choice", "prompt": T("Which kernel lights up the top bar of this 7 most?", "哪个卷积核让这个 7 的上横最亮？"),
               "choices": [T("Horizontal edge", "水平边缘"), T("Vertical edge", "竖直边缘"), T("Blur", "模糊"), T("Identity", "恒等")],
               "answer": 0, "hint": T("The top bar is a horizontal stroke: bright pixels with dark ones above or below.", "上横是一条水平笔画：亮像素的上面或下面是暗像素。"),
               "explain": T("Try the other presets in the view: the vertical edge lights up the slanted stem instead.", "在视图里试试其他预设：竖直边缘会让斜着的竖笔画变亮。")})
step(2, T("Padding and stride", "填充与步幅"), "kernel",
     T("Without padding a 3 × 3 kernel cannot be centred on the border pixels, so the output is smaller than the input. Padding adds a frame of zeros; a stride of 2 skips every other position. Output size: (H + 2p − k) / s + 1.",
       "不填充时，3 × 3 卷积核无法以边缘像素为中心，所以输出比输入小。填充在四周补一圈 0；步幅 2 表示每隔一个位置才计算一次。输出大小：(H + 2p − k) / s + 1。"),
     state={"source": "preset", "preset": "vertical-edge", "padding": "1", "stride": "2", "position": "0"}, image=SEVEN,
     question={"kind": "number", "prompt": T("A 28 × 28 input, a 5 × 5 kernel, padding 2, stride 1: how wide is the output?", "28 × 28 的输入，5 × 5 卷积核，填充 2，步幅 1：输出有多宽？"),
               "compute": "height lenet5-modern conv1", "hint": T("(28 + 2·2 − 5) / 1 + 1", "(28 + 2·2 − 5) / 1 + 1"),
               "explain": T("This is LeNet's first convolution: padding 2 keeps the 28 × 28 size.", "这正是 LeNet 的第一个卷积层：填充 2 让输出保持 28 × 28。")})
step(2, T("Kernels the network learned", "网络自己学到的卷积核"), "kernel",
     T("A trained LeNet's first layer has 6 kernels of 5 × 5 that it learned itself. Each gives its own feature map; stacked together they form the layer's output volume, 6 × 28 × 28.",
       "训练好的 LeNet 第一层有 6 个自己学到的 5 × 5 卷积核。每个卷积核得到一张特征图，叠在一起就是这一层的输出：6 × 28 × 28。"),
     state={"source": "model", "layer": "conv1", "channel": "0", "position": "0"}, image=SEVEN,
     tri=T("Change the output channel and see which strokes each learned kernel finds.", "切换输出通道，看看每个学到的卷积核找到了哪些笔画。"))
step(2, T("Many input channels", "多个输入通道"), "kernel",
     T("The second convolution sees 6 input maps, so each of its kernels has 6 slices of 5 × 5. Each slice is slid over its own map, and the six results are added up, plus one bias.",
       "第二个卷积层的输入有 6 张特征图，所以它的每个卷积核有 6 片 5 × 5。每一片在对应的特征图上滑动，6 个结果相加，再加一个偏置。"),
     state={"source": "model", "layer": "conv2", "channel": "0", "position": "0"}, image=SEVEN,
     question={"kind": "number", "prompt": T("How many weights does one conv2 kernel have (without the bias)?", "conv2 的一个卷积核有多少个权重（不含偏置）？"),
               "answer": 150, "hint": T("6 slices of 5 × 5", "6 片 5 × 5"), "explain": T("6 × 5 × 5 = 150 weights per kernel.", "6 × 5 × 5 = 150 个权重。")})
step(3, T("Why an activation function?", "为什么需要激活函数？"), "activation",
     T("Without a non-linear function between them, stacked linear layers are still one linear map. Sigmoid and tanh squash every value into a small range; for large |x| they flatten out and their slope is almost zero.",
       "如果层与层之间没有非线性函数，叠起来的线性层仍然只是一个线性映射。sigmoid 和 tanh 把数值压进一个小范围；当 |x| 很大时曲线变平，斜率几乎为零。"),
     state={"source": "fresh", "layer": "0", "curve": "sigmoid", "unnormalised": "false"}, image=SEVEN,
     tri=T("Look where this layer's real pre-activations fall on the curve.", "看看这一层真实的激活前数值落在曲线的哪里。"))
step(3, T("Unnormalised input saturates", "未归一化的输入会饱和"), "activation",
     T("Feed the pixels as 0–255 instead of 0–1 and most values land far out on the flat part of the sigmoid. There the gradient is almost zero, so learning stalls: this is why inputs are normalised.",
       "如果像素用 0–255 而不是 0–1，大多数数值会落到 sigmoid 平坦的两端。那里的梯度几乎为零，学习就停滞了：这就是要对输入归一化的原因。"),
     state={"source": "fresh", "layer": "0", "curve": "sigmoid", "unnormalised": "true"}, image=SEVEN,
     question={"kind": "choice", "prompt": T("What happens to the gradient where the sigmoid is flat?", "在 sigmoid 平坦的地方，梯度会怎样？"),
               "choices": [T("It is almost zero: learning stalls", "几乎为零：学习停滞"), T("It becomes very large", "变得非常大"), T("It stays 1", "一直是 1")],
               "answer": 0, "hint": T("The gradient is the slope of the curve.", "梯度就是曲线的斜率。"),
               "explain": T("Vanishing gradients: the flat share in the view says how many units are stuck there.", "梯度消失：视图中的“平坦比例”告诉你有多少单元卡在那里。")})
step(3, T("ReLU", "ReLU"), "activation",
     T("ReLU keeps positive values and sets negative ones to 0. It never flattens out for positive inputs, which is why modern networks use it instead of sigmoid.",
       "ReLU 保留正数，把负数变成 0。对正的输入它永远不会变平，所以现代网络用它代替 sigmoid。"),
     state={"source": "fresh", "layer": "0", "curve": "relu", "unnormalised": "false"}, image=SEVEN)
step(4, T("Max pooling", "最大池化"), "pooling",
     T("A 2 × 2 window with stride 2 moves over each feature map and keeps the largest of its four values. Height and width are halved; the number of channels stays.",
       "一个步幅为 2 的 2 × 2 窗口在每张特征图上移动，保留四个数中最大的那个。高和宽减半，通道数不变。"),
     state={"layer": "pool1", "channel": "0", "kind": "max", "position": "0"}, image=SEVEN,
     tri=T("Press Space and watch the smaller map fill.", "按空格，看较小的特征图被逐格填满。"),
     question={"kind": "choice", "prompt": T("A 224 × 224 × 64 volume goes through 2 × 2 pooling with stride 2. What comes out?", "224 × 224 × 64 的输入经过步幅 2 的 2 × 2 池化，输出是什么？"),
               "choices": [T("112 × 112 × 64", "112 × 112 × 64"), T("112 × 112 × 32", "112 × 112 × 32"), T("224 × 224 × 32", "224 × 224 × 32"), T("56 × 56 × 64", "56 × 56 × 64")],
               "answer": 0, "compute": "pool 224 224 64", "hint": T("Pooling works on each channel separately.", "池化对每个通道分别进行。"),
               "explain": T("The app computes {computed}: height and width halve, the 64 channels stay.", "程序算出 {computed}：高和宽减半，64 个通道不变。")})
step(4, T("Average pooling", "平均池化"), "pooling",
     T("Average pooling keeps the mean of the window instead of the maximum: D2L's original LeNet uses it. Either way, fewer values are carried forward and the exact position matters less, at the cost of some detail.",
       "平均池化保留窗口的平均值而不是最大值：D2L 中最初的 LeNet 用的就是它。无论哪种，向后传的数值都变少了，对精确位置也不那么敏感，代价是丢掉一些细节。"),
     state={"layer": "pool1", "channel": "0", "kind": "average", "position": "0"}, image=SEVEN,
     question={"kind": "number", "prompt": T("How many learnable parameters does a pooling layer have?", "一个池化层有多少个可学习的参数？"),
               "compute": "params lenet5-modern pool1", "hint": T("Is there anything to learn in taking a maximum or a mean?", "取最大值或平均值有什么需要学习的吗？"),
               "explain": T("None: pooling is a fixed rule.", "没有：池化是固定的规则。")})
step(5, T("From features to a decision", "从特征到决定"), "classifier",
     T("Convolution and pooling extract features. The fully connected layers weigh all 400 of them into 120, then 84, then 10 scores. Each unit is one weighted sum of all its inputs plus a bias, written out here with the engine's own numbers.",
       "卷积和池化负责提取特征。全连接层把 400 个特征加权组合成 120 个、再 84 个、最后 10 个得分。每个单元都是所有输入的加权和再加一个偏置，这里用引擎自己的数字逐项写出。"),
     state={"layer": "dense1", "unit": "0"}, image=SEVEN,
     question={"kind": "number", "prompt": T("How many weighted inputs does one unit of the first dense layer add up?", "第一个全连接层的一个单元要把多少个加权输入加起来？"),
               "compute": "size lenet5-modern flatten", "hint": T("pool2 outputs 16 × 5 × 5, flattened.", "pool2 的输出 16 × 5 × 5，展平之后。"),
               "explain": T("16 × 5 × 5 = 400 features, each with its own weight.", "16 × 5 × 5 = 400 个特征，每个都有自己的权重。")})
step(5, T("Softmax: scores become probabilities", "softmax：得分变成概率"), "classifier",
     T("The ten scores can be any numbers. Softmax takes e to the power of each score and divides by their sum, so every probability is positive and together they add up to 1. The loss is −ln of the probability given to the true class.",
       "十个得分可以是任何数。softmax 对每个得分取 e 的幂，再除以它们的总和，于是每个概率都是正数，加起来等于 1。损失是正确类别概率的 −ln。"),
     state={"layer": "dense3", "unit": "7"}, image=SEVEN,
     question={"kind": "number", "prompt": T("What do the ten probabilities always add up to?", "十个概率加起来总是多少？"),
               "answer": 1, "tolerance": 0.001, "hint": T("Each exp is divided by the sum of all of them.", "每个 exp 都除以所有 exp 的总和。"),
               "explain": T("1: softmax shares one whole among the classes.", "1：softmax 把一个整体分给各个类别。")})
step(6, T("Counting a convolution's parameters", "计算卷积层的参数"), "params",
     T("A convolution with Ci input channels, Co output channels and a Kh × Kw kernel has Co × Ci × Kh × Kw weights plus one bias per output channel. A dense layer with n inputs and m outputs has n × m + m.",
       "输入通道 Ci、输出通道 Co、卷积核 Kh × Kw 的卷积层有 Co × Ci × Kh × Kw 个权重，再加上每个输出通道一个偏置。n 个输入、m 个输出的全连接层有 n × m + m 个参数。"),
     question={"kind": "number", "prompt": T("How many parameters does conv2 have (16 kernels over 6 channels, 5 × 5)?", "conv2 有多少个参数（16 个卷积核，6 个输入通道，5 × 5）？"),
               "compute": "params lenet5-modern conv2", "hint": T("Co × Ci × Kh × Kw + Co = 16 × 6 × 5 × 5 + 16", "Co × Ci × Kh × Kw + Co = 16 × 6 × 5 × 5 + 16"),
               "explain": T("The table shows every layer with its own numbers filled in.", "表格中每一层都代入了自己的数字。")})
step(6, T("The whole of LeNet-5", "整个 LeNet-5"), "params",
     T("Add up every layer: 156 + 2,416 + 48,120 + 10,164 + 850. Most parameters sit in the first dense layer, not in the convolutions.",
       "把每一层加起来：156 + 2,416 + 48,120 + 10,164 + 850。大部分参数在第一个全连接层里，而不在卷积层里。"),
     question={"kind": "number", "prompt": T("How many parameters does LeNet-5 have in total?", "LeNet-5 一共有多少个参数？"),
               "compute": "params lenet5-modern total", "hint": T("Add the five numbers above.", "把上面五个数相加。")})
step(7, T("Full, local, shared", "全连接、局部连接、权重共享"), "sharing",
     T("Fully connected: every output sees every input. Locally connected: each output sees only a small neighbourhood. Weight sharing: every position uses the same kernel. With 6 inputs and 2 connections each, separate weights would need 2 × 6 = 12; shared, the blue ones are all w1 and the green ones all w2.",
       "全连接：每个输出连接所有输入。局部连接：每个输出只看一小片邻域。权重共享：每个位置都用同一个卷积核。6 个输入、每个 2 条连接，若每条连接各有权重需要 2 × 6 = 12 个；共享后，蓝色的都是 w1，绿色的都是 w2。"),
     question={"kind": "number", "prompt": T("With weight sharing, how many weights do those 12 connections need?", "有了权重共享，这 12 条连接需要多少个权重？"),
               "compute": "shared 6 2", "hint": T("Count the colours, not the lines.", "数颜色，不要数线。"),
               "explain": T("2 instead of 12: the same two weights w1 and w2 are used at every position.", "2 个，而不是 12 个：每个位置都用同样的两个权重。")})
step(8, T("Shift the input", "平移输入"), "network",
     T("Translation invariance: the early layers respond the same way to the same pattern wherever it appears. Shift the 7 and the feature maps shift with it, while the prediction stays.",
       "平移不变性：早期的层对同一个图案的反应与它出现在哪里无关。把 7 平移，特征图也跟着平移，而预测保持不变。"),
     state={"dx": "3", "dy": "0", "degrees": "0"}, image=SEVEN,
     tri=T("Use the arrow buttons to move the digit further and watch the prediction.", "用箭头按钮把数字移得更远，观察预测。"))
step(8, T("Locality", "局部性"), "network",
     T("Each unit of an early layer looks at a small neighbourhood only: a conv1 unit sees 5 × 5 pixels. Deeper units combine neighbourhoods and see more of the picture, but never far-apart pixels directly.",
       "早期层的每个单元只看一小片邻域：conv1 的一个单元只看 5 × 5 个像素。更深的单元把邻域组合起来，看到的范围更大，但从不直接把相距很远的像素连在一起。"),
     state={"dx": "0", "dy": "0", "degrees": "0"}, image=SEVEN)
step(9, T("Flattening loses the neighbours", "展平会丢掉邻居关系"), "flatten",
     T("Softmax regression and an MLP first flatten the 28 × 28 image into a 784-long vector, row by row. Pixels that were neighbours in the same column end up far apart, so the pattern is hard to learn.",
       "softmax 回归和 MLP 先把 28 × 28 的图像逐行展平成长度 784 的向量。同一列中原本相邻的像素被分得很远，图案就很难学。"),
     image=SEVEN,
     question={"kind": "number", "prompt": T("Two pixels are neighbours in the same column. How far apart are they after flattening?", "两个像素在同一列中相邻。展平后它们相隔多远？"),
               "compute": "column-distance 28", "hint": T("One whole row lies between them.", "它们之间隔着一整行。")})
step(9, T("Same data, three models", "同样的数据，三个模型"), "training",
     T("A CNN keeps the 2-D shape and re-uses one kernel at every position, so it needs far fewer parameters than an MLP. Compare softmax regression, an MLP and LeNet trained on the same data: parameters, accuracy, curves.",
       "CNN 保留二维结构，并在每个位置重复使用同一个卷积核，所以参数比 MLP 少得多。比较在同样数据上训练的 softmax 回归、MLP 和 LeNet：参数量、准确率和曲线。"),
     state={"tab": "compare"},
     tri=T("Start the comparison and watch the three curves.", "开始比较，观察三条曲线。"))
step(10, T("LeNet-5, as D2L builds it", "D2L 中的 LeNet-5"), "overview",
     T("LeNet-5's encoder is two convolution blocks, each a 5 × 5 convolution, a sigmoid and 2 × 2 average pooling, with 6 then 16 channels; the first uses padding 2. The dense block has 120, 84 and 10 outputs. The modern variant uses ReLU and max pooling.",
       "LeNet-5 的编码器由两个卷积块组成，每块是 5 × 5 卷积、sigmoid 和 2 × 2 平均池化，通道数先 6 后 16；第一个卷积填充 2。全连接部分有 120、84 和 10 个输出。现代版本改用 ReLU 和最大池化。"),
     state={"model": "lenet5-classic"},
     question={"kind": "choice", "prompt": T("What is pool1's output for a 28 × 28 digit?", "对 28 × 28 的数字，pool1 的输出是多少？"),
               "choices": [T("6 × 14 × 14", "6 × 14 × 14"), T("6 × 28 × 28", "6 × 28 × 28"), T("16 × 5 × 5", "16 × 5 × 5"), T("6 × 12 × 12", "6 × 12 × 12")],
               "answer": 0, "compute": "size lenet5-classic pool1", "hint": T("conv1 keeps 28 × 28 (padding 2); pooling halves it.", "conv1 保持 28 × 28（填充 2）；池化把它减半。"),
               "explain": T("The engine's shape arithmetic gives {computed}.", "引擎的形状计算给出 {computed}。")})
step(11, T("Draw a digit", "写一个数字"), "draw",
     T("Now the worked example: draw a digit and the LeNet-5 trained on MNIST recognises it. The steps on the right show how your drawing is made to look like an MNIST digit before the network sees it.",
       "现在来看完整的例子：写一个数字，在 MNIST 上训练好的 LeNet-5 会认出它。右边的步骤展示了你的笔迹在交给网络之前，如何被处理成 MNIST 数字的样子。"),
     state={"dataset": "mnist"},
     tri=T("Draw a 7, then a 1 with a flag, then a 4 left open at the top. When does it hesitate?", "写一个 7，再写一个带小钩的 1，再写一个顶部开口的 4。它什么时候会犹豫？"))
step(11, T("Every feature map of your digit", "你的数字的每一张特征图"), "network",
     T("Every intermediate feature map can be inspected: the input, six conv1 maps, their pooled versions, sixteen conv2 maps, and the ten probabilities at the end.",
       "每一张中间特征图都可以查看：输入、conv1 的 6 张特征图、池化后的版本、conv2 的 16 张特征图，以及最后的 10 个概率。"),
     state={"dx": "0", "dy": "0", "degrees": "0"},
     tri=T("Click a feature map to see in the convolution view how it was made.", "点一张特征图，在卷积视图中看它是怎么算出来的。"))
step(11, T("What does it look at?", "它在看哪里？"), "saliency",
     T("Which pixels matter for the answer? The saliency map is the gradient of the class's score with respect to each input pixel; the occlusion map covers one patch at a time and measures how much the score drops. Ask why 7 and not 1.",
       "哪些像素对答案重要？显著性图是类别得分对每个输入像素的梯度；遮挡图一次遮住一小块，测量得分下降了多少。问问它：为什么是 7 而不是 1？"),
     state={"class": "7", "versus": "1", "method": "occlusion"}, image=SEVEN,
     tri=T("Switch to saliency, then pick other classes to compare.", "切换到显著性图，再选别的类别比较。"))
step(12, T("How it learns: gradients flow backward", "它如何学习：梯度向后流动"), "backprop",
     T("For one image and its label the loss is computed, and backpropagation sends its gradient backward layer by layer. Each weight then moves a little against its gradient: w ← w − η · ∂L/∂w, and the loss after the step is smaller.",
       "对一张图片及其标签计算损失，反向传播把损失的梯度一层一层向后传。每个权重再沿梯度的反方向移动一点：w ← w − η · ∂L/∂w，这一步之后损失变小了。"),
     state={"model": "modern", "step": "0", "kernel": "0"}, image=SEVEN,
     tri=T("Step forward a few times and watch the loss and the kernel's numbers.", "向前走几步，观察损失和卷积核的数字。"))
step(12, T("Vanishing gradients", "梯度消失"), "backprop",
     T("The same picture for D2L's sigmoid LeNet at initialisation: the gradient reaching conv1 is hundreds of times smaller than in the ReLU LeNet, because every sigmoid multiplies it by at most 0.25.",
       "再看 D2L 的 sigmoid 版 LeNet 在初始化时的情况：传到 conv1 的梯度比 ReLU 版小几百倍，因为每经过一个 sigmoid，梯度最多只剩 0.25 倍。"),
     state={"model": "d2l", "step": "0", "kernel": "0"}, image=SEVEN,
     question={"kind": "choice", "prompt": T("At initialisation, which LeNet's conv1 receives the smaller gradient?", "初始化时，哪个 LeNet 的 conv1 收到的梯度更小？"),
               "choices": [T("Sigmoid with average pooling (D2L)", "sigmoid 加平均池化（D2L）"), T("ReLU with max pooling", "ReLU 加最大池化"), T("They are the same", "一样大")],
               "answer": 0, "hint": T("Compare the bars of the two models.", "比较两个模型的柱状图。"),
               "explain": T("That is why D2L's recipe needs a large learning rate and still sits at loss 2.3 for its first epochs.", "这就是为什么 D2L 的方案需要很大的学习率，并且在前几轮损失仍停在 2.3。")})
step(12, T("D2L's recipe and its plateau", "D2L 的训练方案与平台期"), "training",
     T("D2L trains the sigmoid LeNet with SGD, learning rate 0.9, batch 256, 10 epochs. Press Start and watch the loss: it sits near 2.3 for a while before it falls, because the sigmoids' small gradients barely reach conv1.",
       "D2L 用 SGD 训练 sigmoid 版 LeNet：学习率 0.9，批量 256，10 轮。按开始并观察损失：它会在 2.3 附近停留一阵才下降，因为 sigmoid 的小梯度几乎传不到 conv1。"),
     state={"tab": "train", "recipe": "d2l"},
     question={"kind": "choice", "prompt": T("Why does the loss start at about 2.3?", "为什么损失一开始大约是 2.3？"),
               "choices": [T("The untrained network gives each of the 10 classes about 1/10, and −ln(1/10) ≈ 2.3", "未训练的网络给 10 个类别各约 1/10 的概率，−ln(1/10) ≈ 2.3"),
                           T("The learning rate is too small", "学习率太小"), T("There are 2.3 million images", "有 230 万张图片")],
               "answer": 0, "hint": T("Cross-entropy is −ln of the probability given to the right class.", "交叉熵是正确类别概率的 −ln。"),
               "explain": T("ln 10 = 2.303: until the network learns, it guesses uniformly.", "ln 10 = 2.303：在学会之前，网络只是平均地猜。")})
step(12, T("The modern recipe: kernels you can watch", "现代方案：看着卷积核学习"), "training",
     T("ReLU, max pooling and Adam learn much faster. While it trains, watch the loss and accuracy curves and the conv1 kernels: random noise turns into strokes and edges.",
       "ReLU、最大池化和 Adam 学得快得多。训练时观察损失和准确率曲线，以及 conv1 的卷积核：随机噪声慢慢变成笔画和边缘。"),
     state={"tab": "train", "recipe": "modern"},
     tri=T("Press Start, then open Results to see the mistakes it still makes.", "按开始，然后打开“结果”看看它还会犯哪些错误。"))

# 13 (after "Training you can watch", issue #13): overfitting and generalisation on the class's own handwriting
import json as _json
steps.extend(_json.loads(r"""[
 {
  "section": {
   "en": "13. Overfitting and generalisation",
   "zh": "13. 过拟合与泛化"
  },
  "title": {
   "en": "Our own handwriting",
   "zh": "我们自己的手写"
  },
  "view": "collect",
  "state": {
   "tab": "collect",
   "class": "0"
  },
  "narration": {
   "en": "The MNIST model learnt from 60,000 digits written by other people. Does it read ours? Each student draws a few examples of every digit: choose the class, draw, press Enter. Every fifth drawing of a class is held out (dashed frame): it will never be trained on.",
   "zh": "MNIST 模型是从别人写的 60,000 个数字中学来的。它认得我们的字吗？每位同学把每个数字都画几遍：选择类别，画，按 Enter。每个类别的每第五幅画会被留出（虚线框）：它永远不参与训练。"
  },
  "try": {
   "en": "Draw three of each digit; a digit key chooses the class.",
   "zh": "每个数字画三遍；按数字键选择类别。"
  }
 },
 {
  "section": {
   "en": "13. Overfitting and generalisation",
   "zh": "13. 过拟合与泛化"
  },
  "title": {
   "en": "Does it read our handwriting?",
   "zh": "它认得我们的字吗？"
  },
  "view": "collect",
  "state": {
   "tab": "eval"
  },
  "narration": {
   "en": "The MNIST model on our drawings: its accuracy next to its accuracy on the MNIST test set, the confusion matrix, and the drawings it gets most wrong. Drawings made with a mouse, by other hands, are not quite the digits it learnt from.",
   "zh": "MNIST 模型在我们的画上的表现：与它在 MNIST 测试集上的准确率并排比较、混淆矩阵，以及它错得最厉害的画。用鼠标、由别人画的数字，与它学过的数字并不完全一样。"
  },
  "try": {
   "en": "Click a wrong drawing to see in the draw view what the network saw.",
   "zh": "点一幅认错的画，在画图视图中看网络看到了什么。"
  }
 },
 {
  "section": {
   "en": "13. Overfitting and generalisation",
   "zh": "13. 过拟合与泛化"
  },
  "title": {
   "en": "Training on a few hundred drawings",
   "zh": "只用几百幅画训练"
  },
  "view": "collect",
  "state": {
   "tab": "train"
  },
  "narration": {
   "en": "Train from scratch on the training part and watch both curves: the training part is soon 100% right, the held-out part stays well below. That gap is overfitting. Then train again from the MNIST model: what it learnt from 60,000 digits generalises to ours.",
   "zh": "从头开始用训练部分训练，观察两条曲线：训练部分很快就全部认对，留出部分却低得多。这个差距就是过拟合。然后从 MNIST 模型开始再训练一次：它从 60,000 个数字中学到的东西可以泛化到我们的字上。"
  },
  "question": {
   "kind": "choice",
   "prompt": {
    "en": "The training curve reaches 100%, the held-out curve stops at 70%. What does the network do?",
    "zh": "训练曲线达到 100%，留出曲线停在 70%。网络在做什么？"
   },
   "choices": [
    {
     "en": "It has learnt the training drawings by heart, not what makes each digit (overfitting)",
     "zh": "它死记住了训练用的画，而没有学会每个数字的本质（过拟合）"
    },
    {
     "en": "It needs a larger learning rate",
     "zh": "它需要更大的学习率"
    },
    {
     "en": "The held-out drawings are mislabelled",
     "zh": "留出的画标错了"
    }
   ],
   "answer": 0,
   "hint": {
    "en": "Which drawings has it seen during training?",
    "zh": "训练时它见过哪些画？"
   },
   "explain": {
    "en": "Only drawings it has not seen tell how well it generalises; more data or a pretrained start narrows the gap.",
    "zh": "只有没见过的画才能说明它的泛化能力；更多数据或从预训练模型开始可以缩小差距。"
   }
  }
 }
]"""))

lesson = {"format": "convscope-lesson", "version": 1, "id": "cnn-basics",
          "title": T("How a CNN sees", "CNN 如何看图"), "steps": steps}
out = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/org/convscope/app/lesson/cnn-basics.json"
out.write_text(json.dumps(lesson, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{out}: {len(steps)} steps")
