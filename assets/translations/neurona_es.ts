<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ActivationsView</name>
    <message>
        <source>&lt;b&gt;dead&lt;/b&gt;: a ReLU unit (a feature,&lt;br&gt;or a channel) that is 0 for every&lt;br&gt;probe sample (the first {0}&lt;br&gt;training samples)&lt;br&gt;&lt;b&gt;saturated&lt;/b&gt;: a sigmoid or tanh unit&lt;br&gt;(or a recurrent layer&apos;s tanh state)&lt;br&gt;within {1} of an asymptote for&lt;br&gt;over {2} of the samples: its slope,&lt;br&gt;and the gradient through it, is gone</source>
        <translation>&lt;b&gt;muerta&lt;/b&gt;: una unidad ReLU (una&lt;br&gt;característica o un canal) que vale 0&lt;br&gt;en todas las muestras de sondeo&lt;br&gt;(las {0} primeras de entrenamiento)&lt;br&gt;&lt;b&gt;saturada&lt;/b&gt;: una unidad sigmoide o&lt;br&gt;tanh (o el estado tanh de una capa&lt;br&gt;recurrente) a menos de {1} de una&lt;br&gt;asíntota en más del {2} de las&lt;br&gt;muestras: su pendiente, y el gradiente&lt;br&gt;que pasa por ella, desaparecen</translation>
    </message>
    <message>
        <source>{0} channels</source>
        <translation>{0} canales</translation>
    </message>
    <message>
        <source>{0} units</source>
        <translation>{0} unidades</translation>
    </message>
    <message>
        <source>mean {0}</source>
        <translation>media {0}</translation>
    </message>
    <message>
        <source>std {0}</source>
        <translation>desv. típ. {0}</translation>
    </message>
    <message>
        <source>dead {0} of {1} ({2})</source>
        <translation>muertas {0} de {1} ({2})</translation>
    </message>
    <message>
        <source>saturated {0} of {1} ({2})</source>
        <translation>saturadas {0} de {1} ({2})</translation>
    </message>
    <message>
        <source>moved with it exactly</source>
        <translation>se movió con ella exactamente</translation>
    </message>
    <message>
        <source>moved, off by {0}</source>
        <translation>se movió, con un desvío de {0}</translation>
    </message>
    <message>
        <source>cells of {0} px: no whole move</source>
        <translation>celdas de {0} px: no hay desplazamiento entero</translation>
    </message>
    <message>
        <source>{0} changed in place</source>
        <translation>{0} cambió en su sitio</translation>
    </message>
    <message>
        <source>Train or step the network to see how each layer&apos;s activations are spread.</source>
        <translation>Entrena la red o da un paso para ver cómo se reparten las activaciones de cada capa.</translation>
    </message>
</context>
<context>
    <name>ApproximationView</name>
    <message>
        <source>Train the network, or take a single step, to see its curve through the points of the function.</source>
        <translation>Entrena la red, o da un solo paso, para ver su curva entre los puntos de la función.</translation>
    </message>
    <message>
        <source>each hidden unit&apos;s share</source>
        <translation>lo que aporta cada unidad oculta</translation>
    </message>
    <message>
        <source>Draw w·h(x) for every hidden unit: its activation times its weight into the output</source>
        <translation>Dibuja w·h(x) para cada unidad oculta: su activación por su peso hacia la salida</translation>
    </message>
    <message>
        <source>Draw your own</source>
        <translation>Dibuja la tuya</translation>
    </message>
    <message>
        <source>Drag across the plot, left to right, to draw a function of x: it becomes the data set (Run trains the network on it; Ctrl+Z takes it back)</source>
        <translation>Arrastra sobre el gráfico, de izquierda a derecha, para dibujar una función de x: se convierte en el conjunto de datos (Entrenar ajusta la red a ella; Ctrl+Z la deshace)</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Not trained yet: Run (F5) fits the network to these points.</source>
        <translation>Aún sin entrenar: Entrenar (F5) ajusta la red a estos puntos.</translation>
    </message>
    <message>
        <source>Nothing drawn yet: press &apos;Draw your own&apos;, then drag across the plot.</source>
        <translation>Aún no hay nada dibujado: pulsa «Dibuja la tuya» y arrastra sobre el gráfico.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1565c0&apos;&gt;● training points&lt;/span&gt;, &lt;span style=&apos;color:#1565c0&apos;&gt;○ test points&lt;/span&gt;.</source>
        <translation>&lt;span style=&apos;color:#1565c0&apos;&gt;● puntos de entrenamiento&lt;/span&gt;, &lt;span style=&apos;color:#1565c0&apos;&gt;○ puntos de prueba&lt;/span&gt;.</translation>
    </message>
    <message>
        <source>Dotted: the function you drew.</source>
        <translation>Punteada: la función que dibujaste.</translation>
    </message>
    <message>
        <source>Unit shares reaching past the plot&apos;s edge: {0}.</source>
        <translation>Aportaciones de unidades que salen del borde del gráfico: {0}.</translation>
    </message>
    <message>
        <source>training MSE {0}, test MSE {1}</source>
        <translation>ECM de entrenamiento {0}, ECM de prueba {1}</translation>
    </message>
    <message>
        <source>Step {0}: {1}. {2} {3} units; the fit is the output bias, {4}, plus their {2} shares.</source>
        <translation>Paso {0}: {1}. {2} unidades {3}; el ajuste es el sesgo de salida, {4}, más lo que aportan las {2}.</translation>
    </message>
    <message>
        <source> (the first {0} of {1} units drawn)</source>
        <translation> (dibujadas las {0} primeras de {1} unidades)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1565c0&apos;&gt;● training points&lt;/span&gt;, &lt;span style=&apos;color:#1565c0&apos;&gt;○ test points&lt;/span&gt;, &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;━ the network&apos;s fit&lt;/b&gt;&lt;/span&gt;, thin lines: each hidden unit&apos;s activation times its weight into the output, w·h(x){0}; dashed: the output bias. Training moves and scales these pieces until their sum follows the points.</source>
        <translation>&lt;span style=&apos;color:#1565c0&apos;&gt;● puntos de entrenamiento&lt;/span&gt;, &lt;span style=&apos;color:#1565c0&apos;&gt;○ puntos de prueba&lt;/span&gt;, &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;━ el ajuste de la red&lt;/b&gt;&lt;/span&gt;; líneas finas: la activación de cada unidad oculta por su peso hacia la salida, w·h(x){0}; discontinua: el sesgo de salida. El entrenamiento mueve y escala estas piezas hasta que su suma sigue los puntos.</translation>
    </message>
    <message>
        <source>Step {0}: {1}.</source>
        <translation>Paso {0}: {1}.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1565c0&apos;&gt;● training points&lt;/span&gt;, &lt;span style=&apos;color:#1565c0&apos;&gt;○ test points&lt;/span&gt;, &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;━ the network&apos;s fit&lt;/b&gt;&lt;/span&gt;. Each unit&apos;s share is drawn for a network Input → Linear → activation → Linear(1) → Output; this one has another shape.</source>
        <translation>&lt;span style=&apos;color:#1565c0&apos;&gt;● puntos de entrenamiento&lt;/span&gt;, &lt;span style=&apos;color:#1565c0&apos;&gt;○ puntos de prueba&lt;/span&gt;, &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;━ el ajuste de la red&lt;/b&gt;&lt;/span&gt;. Lo que aporta cada unidad se dibuja para una red Entrada → Linear → activación → Linear(1) → Salida; esta tiene otra forma.</translation>
    </message>
</context>
<context>
    <name>BackpropView</name>
    <message>
        <source>Take a step or train, to see one sample&apos;s forward and backward pass with every number.</source>
        <translation>Da un paso o entrena para ver la pasada hacia delante y hacia atrás de una muestra, con todos sus números.</translation>
    </message>
    <message>
        <source>the last step&apos;s</source>
        <translation>la del último paso</translation>
    </message>
    <message>
        <source>The training sample followed through the network</source>
        <translation>La muestra de entrenamiento que se sigue a través de la red</translation>
    </message>
    <message>
        <source>Next sample</source>
        <translation>Muestra siguiente</translation>
    </message>
    <message>
        <source>training sample</source>
        <translation>muestra de entrenamiento</translation>
    </message>
    <message>
        <source>trained at step {0}, with the weights before that step</source>
        <translation>entrenada en el paso {0}, con los pesos de antes de ese paso</translation>
    </message>
    <message>
        <source>with the weights of step {0}</source>
        <translation>con los pesos del paso {0}</translation>
    </message>
    <message>
        <source>Training sample &lt;b&gt;#{0}&lt;/b&gt;, {1}: x = {2}, target t = {3}; output ŷ = {4}; loss L = {5}.</source>
        <translation>Muestra de entrenamiento &lt;b&gt;#{0}&lt;/b&gt;, {1}: x = {2}, objetivo t = {3}; salida ŷ = {4}; pérdida L = {5}.</translation>
    </message>
    <message>
        <source>Forward: each layer&apos;s values</source>
        <translation>Hacia delante: los valores de cada capa</translation>
    </message>
    <message>
        <source>Backward: the chain rule, from the loss down</source>
        <translation>Hacia atrás: la regla de la cadena, desde la pérdida</translation>
    </message>
    <message>
        <source>∂L/∂ŷ = {0} (the loss&apos;s own derivative)</source>
        <translation>∂L/∂ŷ = {0} (la derivada de la propia pérdida)</translation>
    </message>
    <message>
        <source>{0}: δ = ∂L/∂h = {1}; ∂L/∂W = δ·xᵀ (a row per unit, a column per input):</source>
        <translation>{0}: δ = ∂L/∂h = {1}; ∂L/∂W = δ·xᵀ (una fila por unidad, una columna por entrada):</translation>
    </message>
    <message>
        <source>∂L/∂b = δ; passed down: Wᵀδ = {0}</source>
        <translation>∂L/∂b = δ; pasa hacia abajo: Wᵀδ = {0}</translation>
    </message>
    <message>
        <source>{0}: δ ⊙ f′(a), unit by unit: {1}</source>
        <translation>{0}: δ ⊙ f′(a), unidad a unidad: {1}</translation>
    </message>
    <message>
        <source>(σ′ ≤ 0.25: each sigmoid layer shrinks δ at least four times)</source>
        <translation>(σ′ ≤ 0,25: cada capa sigmoide encoge δ al menos cuatro veces)</translation>
    </message>
    <message>
        <source>(a step has no useful slope: training passes δ straight through)</source>
        <translation>(un escalón no tiene pendiente útil: el entrenamiento pasa δ tal cual)</translation>
    </message>
    <message>
        <source>The update this step applied: w ← w − η ∂L/∂w, η = {0}</source>
        <translation>La actualización que aplicó este paso: w ← w − η ∂L/∂w, η = {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: W {1} + ΔW {2} = {3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: W {1} + ΔW {2} = {3}</translation>
    </message>
    <message>
        <source>b {0} + Δb {1} = {2}</source>
        <translation>b {0} + Δb {1} = {2}</translation>
    </message>
    <message>
        <source>The perceptron rule: w ← w + η′(t − y)x with η′ = 2η = {0} (the squared error&apos;s derivative is 2(y − t)): here t − y = {1}, so ΔW = {2}.</source>
        <translation>La regla del perceptrón: w ← w + η′(t − y)x con η′ = 2η = {0} (la derivada del error cuadrático es 2(y − t)): aquí t − y = {1}, así que ΔW = {2}.</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>test points</source>
        <translation>puntos de prueba</translation>
    </message>
    <message>
        <source>discrete output</source>
        <translation>salida discreta</translation>
    </message>
    <message>
        <source>Choose a class, then click on the plane to add points of it to your own data set</source>
        <translation>Elige una clase y haz clic en el plano para añadir puntos suyos a tus propios datos</translation>
    </message>
    <message>
        <source>click adds nothing</source>
        <translation>el clic no añade nada</translation>
    </message>
    <message>
        <source>click adds {0}</source>
        <translation>el clic añade {0}</translation>
    </message>
    <message>
        <source>◯ sample #{0}: the last step trained on it</source>
        <translation>◯ muestra n.º {0}: el último paso entrenó con ella</translation>
    </message>
    <message>
        <source>and moved the line from where the dashes are</source>
        <translation>y movió la recta desde donde está la discontinua</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Train the network, or take a single step, to see how it classifies the test set.</source>
        <translation>Entrena la red, o da un solo paso, para ver cómo clasifica el conjunto de prueba.</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>clase verdadera</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>clase predicha</translation>
    </message>
    <message>
        <source>Worst mistakes</source>
        <translation>Peores errores</translation>
    </message>
    <message>
        <source>Samples in a cell</source>
        <translation>Muestras de una celda</translation>
    </message>
    <message>
        <source>Most confident per cell</source>
        <translation>La más segura de cada celda</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test accuracy {0}%&lt;/b&gt;: {1} of {2} test samples right. Rows are the true classes, columns the network&apos;s answers; a cell&apos;s colour is its share of its row. Click a cell to see its samples.</source>
        <translation>&lt;b&gt;Precisión de prueba {0} %&lt;/b&gt;: {1} de {2} muestras de prueba acertadas. Las filas son las clases verdaderas y las columnas las respuestas de la red; el color de una celda es su parte de la fila. Haz clic en una celda para ver sus muestras.</translation>
    </message>
    <message>
        <source>The app&apos;s test set is not the one the network was evaluated on: reload the data.</source>
        <translation>El conjunto de prueba de la aplicación no es el que se usó para evaluar la red: vuelve a cargar los datos.</translation>
    </message>
    <message>
        <source>The {0} mistakes made with the highest confidence (true → predicted, probability).</source>
        <translation>Los {0} errores cometidos con más seguridad (verdadera → predicha, probabilidad).</translation>
    </message>
    <message>
        <source>No mistakes on the test set.</source>
        <translation>Ningún error en el conjunto de prueba.</translation>
    </message>
    <message>
        <source>The most confident sample of every cell: rows are true classes, columns predicted ones.</source>
        <translation>La muestra más segura de cada celda: las filas son las clases verdaderas y las columnas las predichas.</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its samples here.</source>
        <translation>Haz clic en una celda de la matriz para ver aquí sus muestras.</translation>
    </message>
    <message>
        <source>right</source>
        <translation>acierto</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>error</translation>
    </message>
    <message>
        <source>; the {0} most confident</source>
        <translation>; las {0} más seguras</translation>
    </message>
    <message>
        <source>, most confident first</source>
        <translation>, primero las más seguras</translation>
    </message>
    <message>
        <source>True {0}, predicted {1} ({2}): {3} samples{4}.</source>
        <translation>Verdadera {0}, predicha {1} ({2}): {3} muestras{4}.</translation>
    </message>
</context>
<context>
    <name>ConvolutionView</name>
    <message>
        <source>&lt;b style=&apos;color:{0}&apos;&gt;Output cell (row {1}, column {2})&lt;/b&gt; (click another): one line per row of the window; the zero border counts as 0.</source>
        <translation>&lt;b style=&apos;color:{0}&apos;&gt;Celda de salida (fila {1}, columna {2})&lt;/b&gt; (haz clic en otra): una línea por fila de la ventana; el borde de ceros cuenta como 0.</translation>
    </message>
    <message>
        <source>Cross-correlation, the kernel as it is</source>
        <translation>Correlación cruzada, el núcleo tal como es</translation>
    </message>
    <message>
        <source>True convolution, the kernel turned half a turn</source>
        <translation>Convolución verdadera, el núcleo girado media vuelta</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: the sum of these products is &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: la suma de estos productos es &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output size&lt;/b&gt; ⌊(n + padding − d·(k − 1) − 1) / s⌋ + 1 — rows: {0}; columns: {1}&lt;br&gt;&lt;b&gt;Parameters&lt;/b&gt; (weights + bias): this convolution {2}·{3} + 1 = {4}; a dense layer from the {5}×{6} input to the {7}×{8} output {9}·{10} + {10} = {11}</source>
        <translation>&lt;b&gt;Tamaño de la salida&lt;/b&gt; ⌊(n + relleno − d·(k − 1) − 1) / s⌋ + 1 — filas: {0}; columnas: {1}&lt;br&gt;&lt;b&gt;Parámetros&lt;/b&gt; (pesos + sesgo): esta convolución {2}·{3} + 1 = {4}; una capa densa de la entrada de {5}×{6} a la salida de {7}×{8} {9}·{10} + {10} = {11}</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>dígito</translation>
    </message>
    <message>
        <source>photograph</source>
        <translation>fotografía</translation>
    </message>
    <message>
        <source>draw</source>
        <translation>dibujo</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>válido</translation>
    </message>
    <message>
        <source>same</source>
        <translation>igual</translation>
    </message>
    <message>
        <source>full</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>china</source>
        <translation>china</translation>
    </message>
    <message>
        <source>flower</source>
        <translation>flor</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>cross-correlation</source>
        <translation>correlación cruzada</translation>
    </message>
    <message>
        <source>true convolution</source>
        <translation>convolución verdadera</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>Ventana deslizante</translation>
    </message>
    <message>
        <source>As a matrix</source>
        <translation>Como matriz</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>Which of scikit-learn&apos;s 1,797 handwritten digits (8×8)</source>
        <translation>Cuál de los 1797 dígitos manuscritos de scikit-learn (8×8)</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>across</source>
        <translation>horizontal</translation>
    </message>
    <message>
        <source>down</source>
        <translation>vertical</translation>
    </message>
    <message>
        <source>A 16×16 patch of scikit-learn&apos;s photographs, shrunk 8 times</source>
        <translation>Un trozo de 16×16 de las fotografías de scikit-learn, reducidas 8 veces</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>Drag on the input: left button draws, right button erases.</source>
        <translation>Arrastra sobre la entrada: el botón izquierdo dibuja, el derecho borra.</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Núcleo</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>predefinido</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>columnas</translation>
    </message>
    <message>
        <source>Sliding</source>
        <translation>Deslizamiento</translation>
    </message>
    <message>
        <source>How many pixels the window moves between two output cells</source>
        <translation>Cuántos píxeles se mueve la ventana entre dos celdas de salida</translation>
    </message>
    <message>
        <source>valid: no zeros added; same: enough zeros that stride 1 keeps the size; full: every pixel meets every kernel cell; number: that many zeros on every side</source>
        <translation>válido (valid en PyTorch): sin ceros añadidos; igual (same): los ceros justos para que la zancada 1 conserve el tamaño; completo (full): cada píxel se encuentra con cada celda del núcleo; número: tantos ceros por cada lado</translation>
    </message>
    <message>
        <source>Gaps between the kernel&apos;s cells on the input: 2 reads every other pixel</source>
        <translation>Huecos entre las celdas del núcleo sobre la entrada: 2 lee un píxel sí y otro no</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>zancada</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>relleno</translation>
    </message>
    <message>
        <source>dilation</source>
        <translation>dilatación</translation>
    </message>
    <message>
        <source>Take the kernel size, stride and padding of a Conv2d layer of the network</source>
        <translation>Toma el tamaño del núcleo, la zancada y el relleno de una capa Conv2d de la red</translation>
    </message>
    <message>
        <source>as layer</source>
        <translation>como la capa</translation>
    </message>
    <message>
        <source>Slide the kernel</source>
        <translation>Deslizar el núcleo</translation>
    </message>
    <message>
        <source>edited by hand</source>
        <translation>editado a mano</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>núcleo</translation>
    </message>
    <message>
        <source>{0} {1} (the explorer goes to {2})</source>
        <translation>{0} {1} (el explorador llega hasta {2})</translation>
    </message>
    <message>
        <source>{0} has {1}.</source>
        <translation>{0} tiene {1}.</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>sin salida</translation>
    </message>
    <message>
        <source>cross-correlation (torch&apos;s Conv2d), {0}×{1}</source>
        <translation>correlación cruzada (Conv2d de torch), {0}×{1}</translation>
    </message>
    <message>
        <source>true convolution (kernel turned), {0}×{1}</source>
        <translation>convolución verdadera (núcleo girado), {0}×{1}</translation>
    </message>
    <message>
        <source>input {0}×{1} + zero border (tinted)</source>
        <translation>entrada {0}×{1} + borde de ceros (sombreado)</translation>
    </message>
    <message>
        <source>input {0}×{1}</source>
        <translation>entrada {0}×{1}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Not trained yet: press Run (F5).</source>
        <translation>Aún sin entrenar: pulsa Entrenar (F5).</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Comenzando…</translation>
    </message>
    <message>
        <source>epoch {0} · step {1} · learning rate {2}</source>
        <translation>época {0} · paso {1} · tasa de aprendizaje {2}</translation>
    </message>
    <message>
        <source>   —   after epoch {0}: loss {1} train, {2} test</source>
        <translation>   —   tras la época {0}: pérdida {1} entrenamiento, {2} prueba</translation>
    </message>
    <message>
        <source> · accuracy {0}% train, {1}% test</source>
        <translation> · precisión {0} % entrenamiento, {1} % prueba</translation>
    </message>
    <message>
        <source>The decision boundary could not be drawn: {0}</source>
        <translation>No se pudo dibujar la frontera de decisión: {0}</translation>
    </message>
    <message>
        <source>The neurons could not be drawn: {0}</source>
        <translation>No se pudieron dibujar las neuronas: {0}</translation>
    </message>
    <message>
        <source>The neurons appear when the network trains.</source>
        <translation>Las neuronas aparecen cuando la red entrena.</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>Cargando {0}…</translation>
    </message>
    <message>
        <source>the target is the input itself</source>
        <translation>el objetivo es la propia entrada</translation>
    </message>
    <message numerus="yes">
        <source>%n classes</source>
        <translation>
            <numerusform>%n clase</numerusform>
            <numerusform>%n clases</numerusform>
        </translation>
    </message>
    <message>
        <source>targets of {0}</source>
        <translation>objetivos de {0}</translation>
    </message>
    <message>
        <source>{0} train / {1} test · inputs {2} · {3}</source>
        <translation>{0} de entrenamiento / {1} de prueba · entradas {2} · {3}</translation>
    </message>
    <message>
        <source> · the file is longer: its first {0} characters were read</source>
        <translation> · el archivo es más largo: se leyeron sus primeros {0} caracteres</translation>
    </message>
</context>
<context>
    <name>DropoutView</name>
    <message>
        <source>Train the network, or take a single step, to see which units its Dropout layers switch off.</source>
        <translation>Entrena la red, o da un solo paso, para ver qué unidades apagan sus capas Dropout.</translation>
    </message>
    <message>
        <source>{0}%</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>The Dropout layer to look at</source>
        <translation>La capa Dropout que se mira</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>sample of the batch</source>
        <translation>muestra del lote</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unidad</translation>
    </message>
    <message>
        <source>distance to test time</source>
        <translation>distancia a la red de prueba</translation>
    </message>
    <message>
        <source>masks averaged</source>
        <translation>máscaras promediadas</translation>
    </message>
    <message>
        <source>geometric mean (the weight-scaling rule&apos;s)</source>
        <translation>media geométrica (la de la regla de escalado de pesos)</translation>
    </message>
    <message>
        <source>arithmetic mean</source>
        <translation>media aritmética</translation>
    </message>
    <message>
        <source>the batch trained at step {0}</source>
        <translation>el lote entrenado en el paso {0}</translation>
    </message>
    <message>
        <source>a forward pass of its own on {0} training samples (nothing trained since the view opened)</source>
        <translation>una pasada propia hacia delante con {0} muestras de entrenamiento (nada entrenado desde que se abrió la vista)</translation>
    </message>
    <message>
        <source> (the first {0} of {1} values)</source>
        <translation> (los primeros {0} de {1} valores)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; (p = {1}) in {2}{3}: &lt;span style=&apos;color:#1565c0&apos;&gt;■ kept&lt;/span&gt;, &lt;span style=&apos;color:#ef6c00&apos;&gt;■ dropped&lt;/span&gt;, &lt;span style=&apos;color:#9e9e9e&apos;&gt;■ already zero&lt;/span&gt; (dropping it changes nothing).</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; (p = {1}) en {2}{3}: &lt;span style=&apos;color:#1565c0&apos;&gt;■ conservada&lt;/span&gt;, &lt;span style=&apos;color:#ef6c00&apos;&gt;■ apagada&lt;/span&gt;, &lt;span style=&apos;color:#9e9e9e&apos;&gt;■ ya era cero&lt;/span&gt; (apagarla no cambia nada).</translation>
    </message>
    <message>
        <source>The mean over {0} random masks of the class probabilities for {1} test samples, against the network at test time: the largest gap over the classes, averaged over the samples. PyTorch scales the kept units by 1/(1 − p) while training; the course multiplies the weights by 1 − p at test time: the same expected values. Through the network&apos;s nonlinearities the test-time network approximates the ensemble&apos;s geometric mean, not its arithmetic mean.</source>
        <translation>La media sobre {0} máscaras aleatorias de las probabilidades de cada clase para {1} muestras de prueba, frente a la red en la prueba: la mayor diferencia entre las clases, promediada sobre las muestras. PyTorch escala las unidades conservadas por 1/(1 − p) durante el entrenamiento; el curso multiplica los pesos por 1 − p en la prueba: los mismos valores esperados. A través de las no linealidades de la red, la red de prueba aproxima la media geométrica del conjunto, no su media aritmética.</translation>
    </message>
    <message>
        <source>{0} of the units with a value dropped in this batch. Averaging {1} masks: the geometric mean is within {2} of the test-time probabilities (the arithmetic mean {3}); the same prediction for {4} of the samples.</source>
        <translation>{0} de las unidades con valor apagadas en este lote. Promediando {1} máscaras: la media geométrica queda a {2} de las probabilidades de la red de prueba (la media aritmética, a {3}); la misma predicción en el {4} de las muestras.</translation>
    </message>
    <message>
        <source>The mean over {0} random masks of the outputs for {1} test samples, against the network at test time: the largest gap over the outputs, averaged over the samples.</source>
        <translation>La media sobre {0} máscaras aleatorias de las salidas para {1} muestras de prueba, frente a la red en la prueba: la mayor diferencia entre las salidas, promediada sobre las muestras.</translation>
    </message>
    <message>
        <source>{0} of the units with a value dropped in this batch. Averaging {1} masks: within {2}.</source>
        <translation>{0} de las unidades con valor apagadas en este lote. Promediando {1} máscaras: a {2}.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Importing a PyTorch model runs the Python file you choose, with your permissions, as if you ran it yourself. Import only files you trust.

Choose a file to import?</source>
        <translation>Importar un modelo de PyTorch ejecuta el archivo de Python que elijas, con tus permisos, como si lo ejecutaras tú. Importa solo archivos de confianza.

¿Elegir un archivo para importar?</translation>
    </message>
    <message>
        <source>Export a PyTorch training script</source>
        <translation>Exportar un script de entrenamiento de PyTorch</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Archivos de Python (*.py)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Wrote {0}: run it with python or torchrun --standalone --nproc_per_node=2</source>
        <translation>Escrito {0}: ejecútalo con python o con torchrun --standalone --nproc_per_node=2</translation>
    </message>
    <message>
        <source>Export ONNX</source>
        <translation>Exportar ONNX</translation>
    </message>
    <message>
        <source>Export the weights of a saved run? (No exports the network as a new run starts it.)</source>
        <translation>¿Exportar los pesos de una ejecución guardada? (No exporta la red tal como la empieza una ejecución nueva.)</translation>
    </message>
    <message>
        <source>The run whose weights to export</source>
        <translation>La ejecución cuyos pesos exportar</translation>
    </message>
    <message>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Exporting ONNX…</source>
        <translation>Exportando ONNX…</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>Escrito {0}</translation>
    </message>
    <message>
        <source>Cannot export ONNX</source>
        <translation>No se puede exportar a ONNX</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Exportar métricas</translation>
    </message>
    <message>
        <source>Nothing has been trained yet.</source>
        <translation>Aún no se ha entrenado nada.</translation>
    </message>
    <message>
        <source>Export the run&apos;s metrics</source>
        <translation>Exportar las métricas de la ejecución</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote the run&apos;s metrics to {0}</source>
        <translation>Métricas de la ejecución escritas en {0}</translation>
    </message>
    <message>
        <source>Import a PyTorch model</source>
        <translation>Importar un modelo de PyTorch</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python (*.py)</translation>
    </message>
    <message>
        <source>The nn.Module class:</source>
        <translation>La clase nn.Module:</translation>
    </message>
    <message>
        <source>One sample&apos;s shape, without the batch (e.g. 1,28,28):</source>
        <translation>La forma de una muestra, sin el lote (p. ej. 1,28,28):</translation>
    </message>
    <message>
        <source>Imported {0}: its weights are loaded, paused</source>
        <translation>Importado {0}: sus pesos están cargados, en pausa</translation>
    </message>
</context>
<context>
    <name>FeatureMapPanel</name>
    <message>
        <source>Which test sample to run through the network</source>
        <translation>Qué muestra de prueba pasar por la red</translation>
    </message>
    <message>
        <source>Next sample</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Move the sample this many pixels right (negative: the other way); nothing wraps round</source>
        <translation>Desplaza la muestra tantos píxeles a la derecha (negativo: al otro lado); nada da la vuelta</translation>
    </message>
    <message>
        <source>Move the sample this many pixels down (negative: the other way); nothing wraps round</source>
        <translation>Desplaza la muestra tantos píxeles hacia abajo (negativo: al otro lado); nada da la vuelta</translation>
    </message>
    <message>
        <source>test sample</source>
        <translation>muestra</translation>
    </message>
    <message>
        <source>shift →</source>
        <translation>mover →</translation>
    </message>
    <message>
        <source>Train or step the network to see its feature maps.</source>
        <translation>Entrena la red o da un paso para ver sus mapas de características.</translation>
    </message>
    <message>
        <source>Click a unit of a map to see its receptive field.</source>
        <translation>Haz clic en una unidad de un mapa para ver su campo receptivo.</translation>
    </message>
    <message>
        <source>label {0}, predicted {1}; </source>
        <translation>etiqueta {0}, predicha {1}; </translation>
    </message>
    <message>
        <source>moved {0} right, {1} down; </source>
        <translation>desplazada {0} a la derecha, {1} abajo; </translation>
    </message>
    <message>
        <source>most likely {0}; </source>
        <translation>lo más probable {0}; </translation>
    </message>
    <message>
        <source>maps: blue positive, orange negative</source>
        <translation>mapas: azul positivo, naranja negativo</translation>
    </message>
    <message>
        <source>the sample</source>
        <translation>la muestra</translation>
    </message>
</context>
<context>
    <name>FieldOverlay</name>
    <message>
        <source>No network to trace the field through.</source>
        <translation>No hay red por la que seguir el campo.</translation>
    </message>
    <message>
        <source>The network changed since these maps were computed: step or train to see its fields.</source>
        <translation>La red ha cambiado desde que se calcularon estos mapas: da un paso o entrena para ver sus campos.</translation>
    </message>
    <message>
        <source> ({0}×{1} of them on the image, the rest in the zero border)</source>
        <translation> ({0}×{1} de ellos sobre la imagen, el resto en el borde de ceros)</translation>
    </message>
    <message>
        <source>; a stride wider than its window leaves gaps: {0} pixels</source>
        <translation>; una zancada mayor que su ventana deja huecos: {0} píxeles</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; unit (row {1}, column {2}) sees a {3}×{4} window of the input{5}{6}: outlined in yellow in the input and every map before it.</source>
        <translation>La unidad de &lt;b&gt;{0}&lt;/b&gt; (fila {1}, columna {2}) ve una ventana de {3}×{4} de la entrada{5}{6}: contorneada en amarillo en la entrada y en cada mapa anterior.</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Exportar figura</translation>
    </message>
    <message>
        <source>%1× (%1 times the size on screen)</source>
        <translation>%1× (%1 veces el tamaño en pantalla)</translation>
    </message>
    <message>
        <source>%1× (as on screen)</source>
        <translation>%1× (como en pantalla)</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>Figura:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Escala:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Dibujo SVG</translation>
    </message>
    <message>
        <source>CSV: the curves&apos; numbers</source>
        <translation>CSV: los números de las curvas</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 píxeles</translation>
    </message>
</context>
<context>
    <name>FigureExport</name>
    <message>
        <source>&amp;Export Figure…</source>
        <translation>&amp;Exportar figura…</translation>
    </message>
    <message>
        <source>Save the view in front, or the canvas, as PNG, SVG or CSV</source>
        <translation>Guardar la vista de delante, o el lienzo, como PNG, SVG o CSV</translation>
    </message>
    <message>
        <source>Cop&amp;y Figure</source>
        <translation>Cop&amp;iar figura</translation>
    </message>
    <message>
        <source>Copy the view in front (or the canvas) to the clipboard as a picture</source>
        <translation>Copiar la vista de delante (o el lienzo) al portapapeles como imagen</translation>
    </message>
    <message>
        <source>The network (canvas)</source>
        <translation>La red (lienzo)</translation>
    </message>
    <message>
        <source>Copied the figure (%1 × %2 pixels)</source>
        <translation>Figura copiada (%1 × %2 píxeles)</translation>
    </message>
    <message>
        <source>that view is not open</source>
        <translation>esa vista no está abierta</translation>
    </message>
    <message>
        <source>Copied the curves&apos; numbers as CSV</source>
        <translation>Números de las curvas copiados como CSV</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Exportar figura</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Escrito %1</translation>
    </message>
</context>
<context>
    <name>FiltersView</name>
    <message>
        <source>Train the network, or take a single step, to see its first convolution layer&apos;s filters here.</source>
        <translation>Entrena la red, o da un solo paso, para ver aquí los filtros de su primera capa convolucional.</translation>
    </message>
    <message>
        <source>best fits first</source>
        <translation>mejores ajustes primero</translation>
    </message>
    <message>
        <source>Order the kernels by R², best first (else in the layer&apos;s order)</source>
        <translation>Ordena los núcleos por R², el mejor primero (si no, en el orden de la capa)</translation>
    </message>
    <message>
        <source>While training runs, fit the Gabors again at most this often (0: at every refresh, which slows training); the kernels themselves are always the current ones</source>
        <translation>Mientras se entrena, vuelve a ajustar los Gabor como mucho con esta frecuencia (0: en cada actualización, lo que frena el entrenamiento); los núcleos en sí son siempre los actuales</translation>
    </message>
    <message>
        <source>Fit now</source>
        <translation>Ajustar ahora</translation>
    </message>
    <message>
        <source>Fit a Gabor to every kernel as it is now</source>
        <translation>Ajusta un Gabor a cada núcleo tal como está ahora</translation>
    </message>
    <message>
        <source>refit every</source>
        <translation>reajustar cada</translation>
    </message>
    <message>
        <source>the first {0} of {1} kernels of {2}: too small to compare with a Gabor</source>
        <translation>los {0} primeros de {1} núcleos de {2}: demasiado pequeños para compararlos con un Gabor</translation>
    </message>
    <message>
        <source>{1} kernels of {2}: too small to compare with a Gabor</source>
        <translation>{1} núcleos de {2}: demasiado pequeños para compararlos con un Gabor</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: a Gabor has 9 parameters, so a kernel needs at least 5×5 pixels before a good fit means anything. Blue positive, orange negative, white zero; each kernel on its own scale.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: un Gabor tiene 9 parámetros, así que un núcleo necesita al menos 5×5 píxeles para que un buen ajuste signifique algo. Azul positivo, naranja negativo, blanco cero; cada núcleo en su propia escala.</translation>
    </message>
    <message>
        <source>{0} of {1} kernels are Gabor-like (R² ≥ {2})</source>
        <translation>{0} de {1} núcleos parecen Gabor (R² ≥ {2})</translation>
    </message>
    <message>
        <source>, training is at {0}: kernels and fits are renewed every few seconds</source>
        <translation>, el entrenamiento va por el {0}: núcleos y ajustes se renuevan cada pocos segundos</translation>
    </message>
    <message>
        <source>The first {0} of {1} kernels of {2}</source>
        <translation>Los {0} primeros de {1} núcleos de {2}</translation>
    </message>
    <message>
        <source>{1} kernels of {2}</source>
        <translation>{1} núcleos de {2}</translation>
    </message>
    <message>
        <source>the kernel</source>
        <translation>el núcleo</translation>
    </message>
    <message>
        <source>the mean of its {0} input channels</source>
        <translation>la media de sus {0} canales de entrada</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; at step {1}{2}. {3}; on the left {4}, on the right the Gabor function fitted to it, on the same scale (blue positive, orange negative, white zero).</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; en el paso {1}{2}. {3}; a la izquierda {4}, a la derecha la función de Gabor ajustada, en la misma escala (azul positivo, naranja negativo, blanco cero).</translation>
    </message>
</context>
<context>
    <name>FoldingView</name>
    <message>
        <source>{0}% of points at zero</source>
        <translation>{0} % de los puntos en cero</translation>
    </message>
    <message>
        <source>Which stage the large panel shows: the input, then each layer in turn</source>
        <translation>Qué etapa muestra el panel grande: la entrada y luego cada capa por turno</translation>
    </message>
    <message>
        <source>Run or step the training to see the plane folded by each layer.</source>
        <translation>Entrena o da un paso para ver el plano plegado por cada capa.</translation>
    </message>
    <message>
        <source>Space folding follows the points of a plane through the network, so it needs a 2-D dataset (moons, circles, spiral…). The Hidden layer view shows any layer of any network.</source>
        <translation>El plegado del espacio sigue los puntos de un plano a través de la red, así que necesita datos 2D (lunas, círculos, espiral…). La vista Capa oculta muestra cualquier capa de cualquier red.</translation>
    </message>
    <message>
        <source>PCA of {0}</source>
        <translation>PCA de {0}</translation>
    </message>
    <message>
        <source>{0}% at zero</source>
        <translation>{0} % en cero</translation>
    </message>
    <message>
        <source>Click to show this stage in the large panel</source>
        <translation>Haz clic para ver esta etapa en el panel grande</translation>
    </message>
    <message>
        <source>stage {0} of {1}: </source>
        <translation>etapa {0} de {1}: </translation>
    </message>
    <message>
        <source>input plane</source>
        <translation>plano de entrada</translation>
    </message>
    <message>
        <source>{0} (affine)</source>
        <translation>{0} (afín)</translation>
    </message>
    <message>
        <source>1 unit, drawn along the x axis</source>
        <translation>1 unidad, dibujada a lo largo del eje x</translation>
    </message>
    <message>
        <source>PCA of {0} units</source>
        <translation>PCA de {0} unidades</translation>
    </message>
    <message>
        <source>PCA of {0} units ({1} of the variance)</source>
        <translation>PCA de {0} unidades ({1} de la varianza)</translation>
    </message>
</context>
<context>
    <name>FunctionsView</name>
    <message>
        <source>first output of softmax(z, 0, 0)</source>
        <translation>primera salida de softmax(z, 0, 0)</translation>
    </message>
    <message>
        <source>no true derivative: training passes the gradient straight through (1)</source>
        <translation>sin derivada verdadera: el entrenamiento deja pasar el gradiente tal cual (1)</translation>
    </message>
    <message>
        <source>slope</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>z from −r to r, r =</source>
        <translation>z de −r a r, r =</translation>
    </message>
    <message>
        <source>Half-width of the input range drawn</source>
        <translation>Semiancho del rango de entrada dibujado</translation>
    </message>
    <message>
        <source>f′(z), by autograd</source>
        <translation>f′(z), por autograd</translation>
    </message>
    <message>
        <source>Far out, sigmoid and tanh are flat: their slope, and the gradient through them, vanishes. Step has no useful derivative; training passes its gradient straight through (the dashed 1). Softmax is drawn as the first output of softmax(z, 0, 0).</source>
        <translation>Lejos del centro, la sigmoide y la tanh son planas: su pendiente, y el gradiente que pasa por ellas, se desvanece. Step no tiene una derivada útil; el entrenamiento deja pasar su gradiente tal cual (el 1 discontinuo). Softmax se dibuja como la primera salida de softmax(z, 0, 0).</translation>
    </message>
    <message>
        <source>computed: {0}, shown as 0 (below 10⁻¹²)</source>
        <translation>calculado: {0}, se muestra como 0 (por debajo de 10⁻¹²)</translation>
    </message>
</context>
<context>
    <name>GaborExplorer</name>
    <message>
        <source>blue: weight &amp;gt; 0 (likes light), orange: &amp;lt; 0; right: along the dashes</source>
        <translation>azul: peso &amp;gt; 0 (le gusta la luz), naranja: &amp;lt; 0; a la derecha: a lo largo de la línea discontinua</translation>
    </message>
    <message>
        <source>amplitude; below 0, light and dark swap</source>
        <translation>amplitud; por debajo de 0, claro y oscuro se intercambian</translation>
    </message>
    <message>
        <source>fall-off across the stripes (1 / 2σ²)</source>
        <translation>caída a través de las franjas (1 / 2σ²)</translation>
    </message>
    <message>
        <source>fall-off along them: small = long stripes</source>
        <translation>caída a lo largo de ellas: pequeña = franjas largas</translation>
    </message>
    <message>
        <source>frequency: more stripes as it grows</source>
        <translation>frecuencia: más franjas cuanto mayor</translation>
    </message>
    <message>
        <source>phase: 0° a bar in the centre, ±90° an edge</source>
        <translation>fase: 0° una barra en el centro, ±90° un borde</translation>
    </message>
    <message>
        <source>centre: pixels right of the middle</source>
        <translation>centro: píxeles a la derecha del medio</translation>
    </message>
    <message>
        <source>centre: pixels above the middle</source>
        <translation>centro: píxeles por encima del medio</translation>
    </message>
    <message>
        <source>orientation: direction across the stripes</source>
        <translation>orientación: dirección a través de las franjas</translation>
    </message>
    <message>
        <source>x′ (pixels)</source>
        <translation>x′ (píxeles)</translation>
    </message>
    <message>
        <source>{0} (σ {1} px)</source>
        <translation>{0} (σ {1} px)</translation>
    </message>
    <message>
        <source>{0} ({1} px/cycle)</source>
        <translation>{0} ({1} px/ciclo)</translation>
    </message>
    <message>
        <source>0 (no stripes)</source>
        <translation>0 (sin franjas)</translation>
    </message>
</context>
<context>
    <name>GenerateView</name>
    <message>
        <source>Run or step the training: the model then continues a fresh noisy sine here, two ways.</source>
        <translation>Entrena o da un paso: el modelo continuará aquí un seno con ruido nuevo, de dos maneras.</translation>
    </message>
    <message>
        <source>Run or step the training: the model then writes text here, beside the true text.</source>
        <translation>Entrena o da un paso: el modelo escribirá aquí texto, junto al texto verdadero.</translation>
    </message>
    <message>
        <source>Generating is for a next-value model on the noisy-sine dataset or a next-character model on a text: open the sine or the next-character lesson, or choose one of those datasets.</source>
        <translation>Generar es para un modelo del siguiente valor con los datos del seno con ruido o un modelo del siguiente carácter con un texto: abre la lección del seno o la del siguiente carácter, o elige uno de esos conjuntos de datos.</translation>
    </message>
    <message>
        <source>Which fresh series or passage to continue (each number draws another; it also seeds the sampling)</source>
        <translation>Qué serie o pasaje nuevo continuar (cada número saca otro; también es la semilla del muestreo)</translation>
    </message>
    <message>
        <source>How many values to predict after the prompt</source>
        <translation>Cuántos valores predecir tras el comienzo</translation>
    </message>
    <message>
        <source>Characters are drawn from softmax(logits / T): low T picks the likeliest almost always, high T flattens the choice towards noise; 0 always takes the likeliest</source>
        <translation>Los caracteres se sacan de softmax(logits / T): una T baja elige casi siempre el más probable, una T alta aplana la elección hacia el ruido; 0 toma siempre el más probable</translation>
    </message>
    <message>
        <source>How many characters to generate after the prompt</source>
        <translation>Cuántos caracteres generar tras el comienzo</translation>
    </message>
    <message>
        <source>predict</source>
        <translation>predecir</translation>
    </message>
    <message>
        <source>values</source>
        <translation>valores</translation>
    </message>
    <message>
        <source>temperature T</source>
        <translation>temperatura T</translation>
    </message>
    <message>
        <source>write</source>
        <translation>escribir</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <source>series</source>
        <translation>serie</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>verdad</translation>
    </message>
    <message>
        <source>teacher forcing (reads the truth)</source>
        <translation>forzado del profesor (lee la verdad)</translation>
    </message>
    <message>
        <source>free running (reads its own outputs)</source>
        <translation>generación libre (lee sus propias salidas)</translation>
    </message>
    <message>
        <source>prompt ◂</source>
        <translation>comienzo ◂</translation>
    </message>
    <message>
        <source>Step {0}, series {1}: mean squared error over the {2} predicted values &lt;b style=&apos;color:{3}&apos;&gt;{4}&lt;/b&gt; with teacher forcing, &lt;b style=&apos;color:{5}&apos;&gt;{6}&lt;/b&gt; running free (the noise alone: {7})</source>
        <translation>Paso {0}, serie {1}: error cuadrático medio sobre los {2} valores predichos &lt;b style=&apos;color:{3}&apos;&gt;{4}&lt;/b&gt; con forzado del profesor, &lt;b style=&apos;color:{5}&apos;&gt;{6}&lt;/b&gt; en generación libre (el ruido solo: {7})</translation>
    </message>
    <message>
        <source>Step {0}, passage {1}: loss per character &lt;b style=&apos;color:{2}&apos;&gt;{3}&lt;/b&gt; nats on the true text (guessing among {4} characters: ln {4} = {5}); the likeliest character is right {6}% of the time.</source>
        <translation>Paso {0}, pasaje {1}: pérdida por carácter &lt;b style=&apos;color:{2}&apos;&gt;{3}&lt;/b&gt; nats en el texto verdadero (adivinar entre {4} caracteres: ln {4} = {5}); el carácter más probable acierta el {6} % de las veces.</translation>
    </message>
    <message>
        <source>Sampled at T = {0}: &lt;b style=&apos;color:{1}&apos;&gt;{2}%&lt;/b&gt; of its {3} words occur in the training text (invented ones underlined), {4}% of them are different words.</source>
        <translation>Muestreado con T = {0}: el &lt;b style=&apos;color:{1}&apos;&gt;{2} %&lt;/b&gt; de sus {3} palabras aparece en el texto de entrenamiento (las inventadas, subrayadas), y el {4} % son palabras distintas.</translation>
    </message>
    <message>
        <source>Sampled at T = {0}: not one whole word.</source>
        <translation>Muestreado con T = {0}: ni una palabra entera.</translation>
    </message>
</context>
<context>
    <name>GradientsView</name>
    <message>
        <source>biases  ‖∂C/∂b‖</source>
        <translation>sesgos  ‖∂C/∂b‖</translation>
    </message>
    <message>
        <source>weights  ‖∂C/∂W‖</source>
        <translation>pesos  ‖∂C/∂W‖</translation>
    </message>
    <message>
        <source>Whose gradient to draw: each layer&apos;s biases (as in the course) or its weights</source>
        <translation>De qué se dibuja el gradiente: de los sesgos de cada capa (como en el curso) o de sus pesos</translation>
    </message>
    <message>
        <source>gradient of the</source>
        <translation>gradiente de los</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>norma del gradiente</translation>
    </message>
    <message>
        <source>update ratio</source>
        <translation>razón de actualización</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>update {0}</source>
        <translation>actualización {0}</translation>
    </message>
    <message>
        <source>Train the network: each layer&apos;s gradient norm appears here, step by step.</source>
        <translation>Entrena la red: la norma del gradiente de cada capa aparece aquí, paso a paso.</translation>
    </message>
    <message>
        <source>gradient {0}</source>
        <translation>gradiente {0}</translation>
    </message>
    <message>
        <source>at step {0}</source>
        <translation>en el paso {0}</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>paso {0}</translation>
    </message>
    <message>
        <source>step {0}: {1} learns {2}× slower than {3}, the last hidden layer ({4} {5} against {6})</source>
        <translation>paso {0}: {1} aprende {2}× más despacio que {3}, la última capa oculta ({4} {5} frente a {6})</translation>
    </message>
    <message>
        <source>step {0}: {1} learns {2}× faster than {3}, the last hidden layer ({4} {5} against {6})</source>
        <translation>paso {0}: {1} aprende {2}× más deprisa que {3}, la última capa oculta ({4} {5} frente a {6})</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>receives {0}</source>
        <translation>recibe {0}</translation>
    </message>
    <message>
        <source>{0} params</source>
        <translation>{0} parámetros</translation>
    </message>
    <message>
        <source>no params</source>
        <translation>sin parámetros</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>The series of runs was stopped: this step changes the model.</source>
        <translation>La serie de ejecuciones se detuvo: este paso cambia el modelo.</translation>
    </message>
    <message>
        <source>Training cannot be undone: the model stays as trained, paused.</source>
        <translation>El entrenamiento no se puede deshacer: el modelo queda como está entrenado, en pausa.</translation>
    </message>
    <message>
        <source>The model is back as it was before this step (its optimiser starts afresh).</source>
        <translation>El modelo ha vuelto a como estaba antes de este paso (su optimizador empieza de nuevo).</translation>
    </message>
    <message>
        <source>Lesson step %1</source>
        <translation>Paso %1 de la lección</translation>
    </message>
    <message>
        <source>This Neurona has no view &apos;%1&apos;.</source>
        <translation>Este Neurona no tiene la vista &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>This step takes layers from the lesson&apos;s run %1, which the Runs dock does not hold: train the steps before it first.</source>
        <translation>Este paso toma capas de la ejecución %1 de la lección, que el panel Ejecuciones no tiene: entrena antes los pasos anteriores.</translation>
    </message>
    <message>
        <source>Cannot import: %1</source>
        <translation>No se puede importar: %1</translation>
    </message>
    <message>
        <source>This step sets %1, but the network has no layer &apos;%2&apos; now.</source>
        <translation>Este paso ajusta %1, pero la red ya no tiene la capa &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>The network cannot train yet: see the status bar.</source>
        <translation>La red aún no puede entrenarse: mira la barra de estado.</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>The previous step, as it was (Page Up)</source>
        <translation>El paso anterior, tal como era (Re Pág)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>The next step (Page Down)</source>
        <translation>El paso siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
</context>
<context>
    <name>HiddenView</name>
    <message>
        <source>train and test samples</source>
        <translation>muestras de entrenamiento y de prueba</translation>
    </message>
    <message>
        <source>test samples only</source>
        <translation>solo muestras de prueba</translation>
    </message>
    <message>
        <source>The layer whose activations are drawn</source>
        <translation>La capa cuyas activaciones se dibujan</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>Run or step the training to see where this layer puts every sample.</source>
        <translation>Entrena o da un paso para ver dónde pone esta capa cada muestra.</translation>
    </message>
    <message>
        <source> · hollow: test samples</source>
        <translation> · huecas: muestras de prueba</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 unidad</translation>
    </message>
    <message>
        <source>{0} units</source>
        <translation>{0} unidades</translation>
    </message>
    <message>
        <source>{0}: 2 units</source>
        <translation>{0}: 2 unidades</translation>
    </message>
    <message>
        <source>{0}: 1 unit, one row per class</source>
        <translation>{0}: 1 unidad, una fila por clase</translation>
    </message>
    <message>
        <source>{0} unit {1}</source>
        <translation>unidad {1} de {0}</translation>
    </message>
    <message>
        <source>class</source>
        <translation>clase</translation>
    </message>
    <message>
        <source>principal axis {0}</source>
        <translation>eje principal {0}</translation>
    </message>
</context>
<context>
    <name>HistogramPanel</name>
    <message>
        <source>activations over training, recorded from step {0} (colour: log count)</source>
        <translation>activaciones desde el paso {0} (color: log. recuento)</translation>
    </message>
    <message>
        <source>activations over training (colour: log count)</source>
        <translation>activaciones al entrenar (color: log. recuento)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>dead (ReLU) and saturated (sigmoid, tanh) units</source>
        <translation>muertas (ReLU) y saturadas (sigmoide, tanh)</translation>
    </message>
    <message>
        <source>% of units</source>
        <translation>% de unidades</translation>
    </message>
    <message>
        <source>{0} dead</source>
        <translation>{0} muertas</translation>
    </message>
    <message>
        <source>{0} saturated</source>
        <translation>{0} saturadas</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import weights into layers</source>
        <translation>Importar pesos en capas</translation>
    </message>
    <message>
        <source>Run folder…</source>
        <translation>Carpeta de ejecución…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>From the run</source>
        <translation>De la ejecución</translation>
    </message>
    <message>
        <source>Freeze the imported layers (train only the others)</source>
        <translation>Congelar las capas importadas (entrenar solo las demás)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>no run yet: train one, or choose a run folder</source>
        <translation>aún no hay ejecuciones: entrena una o elige una carpeta de ejecución</translation>
    </message>
    <message>
        <source>Choose a saved run&apos;s folder</source>
        <translation>Elige la carpeta de una ejecución guardada</translation>
    </message>
    <message>
        <source>Cannot read that run: {0}</source>
        <translation>No se puede leer esa ejecución: {0}</translation>
    </message>
    <message>
        <source>Importing starts a new model, paused: the ticked layers hold the run&apos;s weights, every other layer starts as a new run would. Undo brings back the model on screen now.</source>
        <translation>Importar empieza un modelo nuevo, en pausa: las capas marcadas tienen los pesos de la ejecución y las demás empiezan como en una ejecución nueva. Deshacer devuelve el modelo que ahora está en pantalla.</translation>
    </message>
    <message>
        <source>The network cannot take weights yet: {0}</source>
        <translation>La red aún no puede recibir pesos: {0}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>frozen (its weights do not train)</source>
        <translation>congelada (sus pesos no se entrenan)</translation>
    </message>
    <message>
        <source>&lt;b&gt;No layer selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ninguna capa seleccionada&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a layer on the canvas to see and edit its settings.</source>
        <translation>Selecciona una capa en el lienzo para ver y editar sus ajustes.</translation>
    </message>
</context>
<context>
    <name>KernelGrid</name>
    <message>
        <source>“{0}” is not a number: the kernel cell keeps {1}.</source>
        <translation>«{0}» no es un número: la celda del núcleo conserva {1}.</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <source>needs the initial weights:
recorded when training starts</source>
        <translation>necesita los pesos iniciales:
se guardan al empezar el entrenamiento</translation>
    </message>
    <message>
        <source>Train the network (or step it), then press Compute: the loss around the current weights appears here, a coarse grid at once, then finer. Random directions are scaled filter by filter to the weights (Li et al. 2018); PCA directions follow the path training took. While training runs, the landscape is computed on a copy of the weights taken when you press Compute.</source>
        <translation>Entrena la red (o da un paso) y pulsa Calcular: aquí aparece la pérdida alrededor de los pesos actuales, primero en una cuadrícula gruesa y luego más fina. Las direcciones aleatorias se escalan filtro a filtro a los pesos (Li et al. 2018); las direcciones PCA siguen el camino que tomó el entrenamiento. Mientras se entrena, el paisaje se calcula sobre una copia de los pesos tomada al pulsar Calcular.</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <source>Compute the landscape around the model&apos;s current weights (while training runs: a copy of them)</source>
        <translation>Calcula el paisaje alrededor de los pesos actuales del modelo (mientras se entrena: una copia de ellos)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>random directions (filter-normalised)</source>
        <translation>direcciones aleatorias (normalizadas por filtro)</translation>
    </message>
    <message>
        <source>PCA of the training path</source>
        <translation>PCA del camino de entrenamiento</translation>
    </message>
    <message>
        <source>The two directions in weight space that span the plane drawn</source>
        <translation>Las dos direcciones del espacio de pesos que generan el plano dibujado</translation>
    </message>
    <message>
        <source>Grid points a side</source>
        <translation>Puntos de la cuadrícula por lado</translation>
    </message>
    <message>
        <source>range ×</source>
        <translation>rango ×</translation>
    </message>
    <message>
        <source>Zoom: random directions span ±1 × this; PCA directions the path&apos;s box × this</source>
        <translation>Zoom: las direcciones aleatorias abarcan ±1 × esto; las PCA, la caja del camino × esto</translation>
    </message>
    <message>
        <source>direction 1</source>
        <translation>dirección 1</translation>
    </message>
    <message>
        <source>direction 2</source>
        <translation>dirección 2</translation>
    </message>
    <message>
        <source>loss around the current weights (log scale)</source>
        <translation>pérdida en torno a los pesos (escala log.)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>α: (1 − α)·initial + α·final weights</source>
        <translation>α: (1 − α)·pesos iniciales + α·finales</translation>
    </message>
    <message>
        <source>the straight line from the initial weights</source>
        <translation>la recta desde los pesos iniciales</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>iniciales</translation>
    </message>
    <message>
        <source>final</source>
        <translation>finales</translation>
    </message>
    <message>
        <source>There is no model yet: press Step (F10) or Run (F5), then Compute.</source>
        <translation>Aún no hay modelo: pulsa Paso (F10) o Entrenar (F5) y luego Calcular.</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>preparando…</translation>
    </message>
    <message>
        <source>{0} / {1} points</source>
        <translation>{0} / {1} puntos</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <source>model at step {0}</source>
        <translation>modelo en el paso {0}</translation>
    </message>
    <message>
        <source>loss at the centre {0}</source>
        <translation>pérdida en el centro {0}</translation>
    </message>
    <message>
        <source> (step {0})</source>
        <translation> (paso {0})</translation>
    </message>
    <message>
        <source>PCA directions hold {0} and {1} of the path&apos;s variance</source>
        <translation>las direcciones PCA recogen el {0} y el {1} de la varianza del camino</translation>
    </message>
    <message>
        <source>random filter-normalised directions</source>
        <translation>direcciones aleatorias normalizadas por filtro</translation>
    </message>
    <message>
        <source>the model is now at step {0}: Compute again to follow it</source>
        <translation>el modelo va ya por el paso {0}: vuelve a Calcular para seguirlo</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>log₁₀ (loss − lowest)</source>
        <translation>log₁₀ (pérdida − mínima)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>loss − minimum</source>
        <translation>pérdida − mínimo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lecciones</translation>
    </message>
    <message>
        <source>Open R&amp;un…</source>
        <translation>Abrir &amp;ejecución…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;PyTorch Script…</source>
        <translation>Script de &amp;PyTorch…</translation>
    </message>
    <message>
        <source>&amp;ONNX…</source>
        <translation>&amp;ONNX…</translation>
    </message>
    <message>
        <source>&amp;Metrics (CSV)…</source>
        <translation>&amp;Métricas (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Import PyTorch Model…</source>
        <translation>&amp;Importar modelo de PyTorch…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>E&amp;ntrenar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajustar a la vista</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Auto-&amp;layout</source>
        <translation>&amp;Ordenar capas</translation>
    </message>
    <message>
        <source>&amp;Inside the Network</source>
        <translation>&amp;Dentro de la red</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode (large text)</source>
        <translation>&amp;Presentación (letra grande)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>Ordenar</translation>
    </message>
    <message>
        <source>This project opens on a view this Neurona lacks: &apos;{0}&apos;</source>
        <translation>Este proyecto se abre en una vista que esta versión de Neurona no tiene: &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Dataset: {0} · {1}, learning rate {2}, {3} epochs</source>
        <translation>Datos: {0} · {1}, tasa de aprendizaje {2}, {3} épocas</translation>
    </message>
    <message>
        <source>Cannot open the lesson: {0}</source>
        <translation>No se puede abrir la lección: {0}</translation>
    </message>
    <message>
        <source>ready to train</source>
        <translation>lista para entrenar</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} parameters · {1}</source>
        <translation>{0} parámetros · {1}</translation>
    </message>
    <message>
        <source>Optimizer lab races</source>
        <translation>Carreras del laboratorio de optimizadores</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <source>2-D: doubly block Toeplitz</source>
        <translation>2D: Toeplitz doblemente por bloques</translation>
    </message>
    <message>
        <source>1-D: Toeplitz</source>
        <translation>1D: Toeplitz</translation>
    </message>
    <message>
        <source>2-D: doubly block Toeplitz, {0} × {1}</source>
        <translation>2D: Toeplitz doblemente por bloques, {0} × {1}</translation>
    </message>
    <message>
        <source>One row per output cell ({0}×{1}), one column per input pixel ({2}×{3}), both read row by row. Only {4} of {5} entries are non-zero: every row holds the same {6} kernel weights, moved along. The framed row is output cell {{cell}}: its non-zero entries sit on the pixels of its window.&lt;br&gt;&lt;b&gt;M·x equals the output map&lt;/b&gt;: largest difference {7}.</source>
        <translation>Una fila por celda de salida ({0}×{1}), una columna por píxel de entrada ({2}×{3}), ambas leídas fila a fila. Solo {4} de {5} entradas no son cero: cada fila contiene los mismos {6} pesos del núcleo, desplazados. La fila enmarcada es la celda de salida {{cell}}: sus entradas no nulas caen sobre los píxeles de su ventana.&lt;br&gt;&lt;b&gt;M·x es igual al mapa de salida&lt;/b&gt;: mayor diferencia {7}.</translation>
    </message>
    <message>
        <source>1-D: Toeplitz, {0} × {1}</source>
        <translation>1D: Toeplitz, {0} × {1}</translation>
    </message>
    <message>
        <source>The kernel&apos;s middle row [{0}] sliding along one row of {1} pixels: each row of T is the row above moved one place to the right.</source>
        <translation>La fila central del núcleo [{0}] deslizándose por una fila de {1} píxeles: cada fila de T es la de arriba desplazada un lugar a la derecha.</translation>
    </message>
    <message>
        <source>The kernel&apos;s middle row [{0}] sliding along one row of {1} pixels: each row of T is the row above moved {2} places (the stride) to the right.</source>
        <translation>La fila central del núcleo [{0}] deslizándose por una fila de {1} píxeles: cada fila de T es la de arriba desplazada {2} lugares (la zancada) a la derecha.</translation>
    </message>
</context>
<context>
    <name>MaximiseView</name>
    <message>
        <source>The layer whose unit (or conv filter) to excite</source>
        <translation>La capa cuya unidad (o filtro convolucional) se quiere excitar</translation>
    </message>
    <message>
        <source>The unit; for a conv layer, the filter (its feature map&apos;s mean is excited)</source>
        <translation>La unidad; en una capa convolucional, el filtro (se excita la media de su mapa de características)</translation>
    </message>
    <message>
        <source>all units</source>
        <translation>todas las unidades</translation>
    </message>
    <message>
        <source>Synthesise an input for every unit of the layer (the first {0} at most)</source>
        <translation>Sintetiza una entrada para cada unidad de la capa (como mucho las {0} primeras)</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unidad</translation>
    </message>
    <message>
        <source>Open a project and train it: the input that excites the chosen unit most appears here.</source>
        <translation>Abre un proyecto y entrénalo: aquí aparece la entrada que más excita a la unidad elegida.</translation>
    </message>
    <message>
        <source>Activation maximisation draws its inputs as images (or as points for 2-D data); this dataset&apos;s inputs have the shape {0}.</source>
        <translation>La maximización de la activación dibuja sus entradas como imágenes (o como puntos con datos 2D); las entradas de estos datos tienen la forma {0}.</translation>
    </message>
    <message>
        <source>Train the network: the input that excites each chosen unit most appears here.</source>
        <translation>Entrena la red: aquí aparece la entrada que más excita a cada unidad elegida.</translation>
    </message>
    <message>
        <source>This network has no layer to look into yet.</source>
        <translation>Esta red aún no tiene ninguna capa que mirar por dentro.</translation>
    </message>
    <message>
        <source>{0}  ({1} units)</source>
        <translation>{0}  ({1} unidades)</translation>
    </message>
    <message>
        <source>{0}  (1 unit)</source>
        <translation>{0}  (1 unidad)</translation>
    </message>
    <message>
        <source>{0}, unit {1}: activation {2} at the start, {3} reached</source>
        <translation>{0}, unidad {1}: activación {2} al principio, {3} alcanzada</translation>
    </message>
    <message>
        <source>{0}, {1} of {2} units: under each, the activation reached</source>
        <translation>{0}, {1} de {2} unidades: bajo cada una, la activación alcanzada</translation>
    </message>
    <message>
        <source>; dark where the input is high</source>
        <translation>; oscuro donde la entrada es alta</translation>
    </message>
    <message>
        <source>{0} (step {1})</source>
        <translation>{0} (paso {1})</translation>
    </message>
</context>
<context>
    <name>MessageLabel</name>
    <message>
        <source>This view could not be computed: {0}</source>
        <translation>No se pudo calcular esta vista: {0}</translation>
    </message>
</context>
<context>
    <name>MinimaView</name>
    <message>
        <source>Take a step or train a small network to see the curvature of its loss at its weights.</source>
        <translation>Da un paso o entrena una red pequeña para ver la curvatura de su pérdida en sus pesos.</translation>
    </message>
    <message>
        <source>size n</source>
        <translation>tamaño n</translation>
    </message>
    <message>
        <source>share positive definite</source>
        <translation>fracción definida positiva</translation>
    </message>
    <message>
        <source>random symmetric matrices (sampled)</source>
        <translation>matrices simétricas aleatorias (muestreadas)</translation>
    </message>
    <message>
        <source>signs as coin flips: 2⁻ⁿ</source>
        <translation>signos como monedas al aire: 2⁻ⁿ</translation>
    </message>
    <message>
        <source>eigenvalue λ</source>
        <translation>autovalor λ</translation>
    </message>
    <message>
        <source>eigenvalues, smallest first</source>
        <translation>autovalores, de menor a mayor</translation>
    </message>
    <message>
        <source>n = {0}: {1}</source>
        <translation>n = {0}: {1}</translation>
    </message>
    <message>
        <source>A critical point is a minimum only if the Hessian&apos;s n eigenvalues are all positive. Of {0} random symmetric n×n matrices, the share that were: {1}. The chance falls faster than coin flips would make it: in many dimensions almost every critical point is a saddle.</source>
        <translation>Un punto crítico solo es un mínimo si los n autovalores de la hessiana son todos positivos. De {0} matrices simétricas aleatorias n×n, la proporción que lo eran: {1}. La probabilidad cae más deprisa de lo que harían unas monedas: en muchas dimensiones casi todo punto crítico es un punto de silla.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>{0}%</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>curving up in every direction: a minimum, if the gradient is small</source>
        <translation>curvada hacia arriba en todas las direcciones: un mínimo, si el gradiente es pequeño</translation>
    </message>
    <message>
        <source>curving down along {0} of them: a saddle, not a minimum</source>
        <translation>curvada hacia abajo en {0} de ellas: un punto de silla, no un mínimo</translation>
    </message>
    <message>
        <source>&lt;b&gt;The Hessian at step {0}&lt;/b&gt;: {1} weights, the loss {2} over {3} training samples, gradient norm {4}. Its eigenvalues: &lt;span style=&apos;color:#c62828&apos;&gt;{5} negative&lt;/span&gt;, {6} flat, &lt;span style=&apos;color:#1565c0&apos;&gt;{7} positive&lt;/span&gt;; {8}.</source>
        <translation>&lt;b&gt;La hessiana en el paso {0}&lt;/b&gt;: {1} pesos, la pérdida {2} sobre {3} muestras de entrenamiento, norma del gradiente {4}. Sus autovalores: &lt;span style=&apos;color:#c62828&apos;&gt;{5} negativos&lt;/span&gt;, {6} planos, &lt;span style=&apos;color:#1565c0&apos;&gt;{7} positivos&lt;/span&gt;; {8}.</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <source>inputs</source>
        <translation>entradas</translation>
    </message>
    <message>
        <source>{0} (output)</source>
        <translation>{0} (salida)</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <source>b {0}</source>
        <translation>b {0}</translation>
    </message>
    <message>
        <source>weight {0} → {1} {2}: {3}</source>
        <translation>peso {0} → {1} {2}: {3}</translation>
    </message>
    <message>
        <source>∂L/∂w = {0}</source>
        <translation>∂L/∂w = {0}</translation>
    </message>
    <message>
        <source>bias of {0}: {1}</source>
        <translation>sesgo de {0}: {1}</translation>
    </message>
    <message>
        <source>value {0}, ∂L/∂b = {1}</source>
        <translation>valor {0}, ∂L/∂b = {1}</translation>
    </message>
    <message>
        <source>input {0} = {1}</source>
        <translation>entrada {0} = {1}</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <source>Train a small dense network on 2-D data to see each neuron here.</source>
        <translation>Entrena una red densa pequeña con datos 2D para ver aquí cada neurona.</translation>
    </message>
    <message>
        <source>The neuron view draws dense networks on 2-D data whose layers have at most 12 units each.</source>
        <translation>La vista de neuronas dibuja redes densas con datos 2D cuyas capas tienen como mucho 12 unidades.</translation>
    </message>
</context>
<context>
    <name>NeuronsView</name>
    <message>
        <source>Take a step (F10) or train, to draw the model&apos;s units and weights here and set them by hand.</source>
        <translation>Da un paso (F10) o entrena para dibujar aquí las unidades y los pesos del modelo y fijarlos a mano.</translation>
    </message>
    <message>
        <source>backward pass on the wires</source>
        <translation>pasada hacia atrás sobre las líneas</translation>
    </message>
    <message>
        <source>Write, for one training sample, each unit&apos;s value and each weight&apos;s gradient ∂L/∂w</source>
        <translation>Escribe, para una muestra de entrenamiento, el valor de cada unidad y el gradiente ∂L/∂w de cada peso</translation>
    </message>
    <message>
        <source>The training sample followed through the network</source>
        <translation>La muestra de entrenamiento que se sigue a través de la red</translation>
    </message>
    <message>
        <source>Undo the last weight set</source>
        <translation>Deshacer el último peso fijado</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>muestra</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>Paso {0}</translation>
    </message>
    <message>
        <source>training accuracy {0} %</source>
        <translation>precisión de entrenamiento {0} %</translation>
    </message>
    <message>
        <source>training loss {0}</source>
        <translation>pérdida de entrenamiento {0}</translation>
    </message>
    <message>
        <source>sample #{0}: target {1}, loss L = {2}</source>
        <translation>muestra #{0}: objetivo {1}, pérdida L = {2}</translation>
    </message>
    <message>
        <source>In each unit: its value for this sample; under it its bias b, ∂L/∂b, and its activation&apos;s slope (σ′ for a sigmoid). On each line: ∂L/∂w, the gradient of this sample&apos;s loss.</source>
        <translation>En cada unidad: su valor para esta muestra; debajo, su sesgo b, ∂L/∂b y la pendiente de su activación (σ′ para una sigmoide). En cada línea: ∂L/∂w, el gradiente de la pérdida de esta muestra.</translation>
    </message>
    <message>
        <source>Lines are weights: blue positive, orange negative, the thickest |w| = {0}. The number in a unit is its bias, and its ring&apos;s colour the bias&apos;s sign. Click a line or a unit to set its weight or bias by hand (training paused).</source>
        <translation>Las líneas son pesos: azules los positivos, naranjas los negativos; la más gruesa, |w| = {0}. El número de una unidad es su sesgo, y el color de su borde, el signo del sesgo. Haz clic en una línea o en una unidad para fijar a mano su peso o su sesgo (con el entrenamiento en pausa).</translation>
    </message>
    <message>
        <source>Where a number does not fit, point at the line or the unit to read it.</source>
        <translation>Donde un número no cabe, señala la línea o la unidad para leerlo.</translation>
    </message>
    <message>
        <source>weight {0} → {1} {2}</source>
        <translation>peso {0} → {1} {2}</translation>
    </message>
    <message>
        <source>bias of {0}</source>
        <translation>sesgo de {0}</translation>
    </message>
    <message>
        <source>There is no model to change yet: take a step (F10) first.</source>
        <translation>Aún no hay modelo que cambiar: da antes un paso (F10).</translation>
    </message>
    <message>
        <source>Training is running: pause it (F5), then set a weight by hand.</source>
        <translation>El entrenamiento está en marcha: páusalo (F5) y después fija un peso a mano.</translation>
    </message>
    <message>
        <source>The layers are being pretrained: set a weight by hand once pretraining has ended.</source>
        <translation>Las capas se están preentrenando: fija un peso a mano cuando termine el preentrenamiento.</translation>
    </message>
    <message>
        <source>{0} has no weight or bias to set: click a line (a weight) or a unit of a layer (its bias).</source>
        <translation>{0} no tiene peso ni sesgo que fijar: haz clic en una línea (un peso) o en una unidad de una capa (su sesgo).</translation>
    </message>
    <message>
        <source>Setting {0} to {1}…</source>
        <translation>Fijando {0} a {1}…</translation>
    </message>
    <message>
        <source>Undone: {0} is {1} again.</source>
        <translation>Deshecho: {0} vuelve a ser {1}.</translation>
    </message>
    <message>
        <source>{0} set to {1} (it was {2}).</source>
        <translation>{0} fijado a {1} (era {2}).</translation>
    </message>
    <message>
        <source>Training was still running when the value arrived: the model is unchanged. Set it again.</source>
        <translation>El entrenamiento seguía en marcha cuando llegó el valor: el modelo no ha cambiado. Vuelve a fijarlo.</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>Double-click to draw it unrolled through time, its shared weights marked</source>
        <translation>Doble clic para dibujarla desplegada en el tiempo, con sus pesos compartidos marcados</translation>
    </message>
</context>
<context>
    <name>OptimizerLab</name>
    <message>
        <source>The quadratic&apos;s condition number λmax / λmin: how much narrower the ravine is</source>
        <translation>El número de condición de la cuadrática λmax / λmin: cuánto más estrecho es el barranco</translation>
    </message>
    <message>
        <source>— choose a lesson —</source>
        <translation>— elige una lección —</translation>
    </message>
    <message>
        <source>function</source>
        <translation>función</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condición</translation>
    </message>
    <message>
        <source>lesson</source>
        <translation>lección</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Every racer takes one step</source>
        <translation>Cada corredor da un paso</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Animate the race</source>
        <translation>Anima la carrera</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Every racer back to the start</source>
        <translation>Todos los corredores vuelven a la salida</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>paso {0}</translation>
    </message>
    <message>
        <source> steps / frame</source>
        <translation> pasos / fotograma</translation>
    </message>
    <message>
        <source>How many steps Play takes per frame (about 30 frames a second)</source>
        <translation>Cuántos pasos da Reproducir por fotograma (unos 30 fotogramas por segundo)</translation>
    </message>
    <message>
        <source>Multiplies every racer&apos;s learning rate (log scale, {0}× to {1}×); applies live</source>
        <translation>Multiplica la tasa de aprendizaje de cada corredor (escala log., de {0}× a {1}×); se aplica al momento</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Clip every gradient to this norm (0: off); applies live</source>
        <translation>Recorta cada gradiente a esta norma (0: sin recorte); se aplica al momento</translation>
    </message>
    <message>
        <source>Gaussian noise added to each gradient, like a mini-batch&apos;s (seeded); applies live</source>
        <translation>Ruido gaussiano añadido a cada gradiente, como el de un minilote (con semilla); se aplica al momento</translation>
    </message>
    <message>
        <source>clip norm</source>
        <translation>recorte de norma</translation>
    </message>
    <message>
        <source>gradient noise</source>
        <translation>ruido del gradiente</translation>
    </message>
    <message>
        <source>&lt;b&gt;Racers&lt;/b&gt;  (click the map to set the start)</source>
        <translation>&lt;b&gt;Corredores&lt;/b&gt;  (haz clic en el mapa para fijar la salida)</translation>
    </message>
    <message>
        <source>The lessons could not be read: {0}</source>
        <translation>No se pudieron leer las lecciones: {0}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;, from ({1}), {2} steps</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;, desde ({1}), {2} pasos</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Search layers…</source>
        <translation>Buscar capas…</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>e.g. 1×8×8</source>
        <translation>p. ej. 1×8×8</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Elige una carpeta</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elige un archivo</translation>
    </message>
</context>
<context>
    <name>PositionsView</name>
    <message>
        <source>Run or step the training: the share of keys found at each position appears here.</source>
        <translation>Entrena o da un paso: aquí aparece la parte de claves encontradas en cada posición.</translation>
    </message>
    <message>
        <source>Accuracy by position is for the key-position dataset (a key among distractors): open a sharing-across-positions lesson or choose that dataset.</source>
        <translation>La precisión por posición es para los datos de la posición de la clave (una clave entre distractores): abre una lección de compartir entre posiciones o elige esos datos.</translation>
    </message>
    <message>
        <source>position of the key (step)</source>
        <translation>posición de la clave (paso)</translation>
    </message>
    <message>
        <source>share right</source>
        <translation>parte acertada</translation>
    </message>
    <message>
        <source>never in training</source>
        <translation>nunca en el entrenamiento</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>azar</translation>
    </message>
    <message>
        <source>Step {0}: at the {1} positions training never showed a key, &lt;b style=&apos;color:{2}&apos;&gt;{3}%&lt;/b&gt; of the test keys are found, at every one of them (chance: {4}%).</source>
        <translation>Paso {0}: en las {1} posiciones donde el entrenamiento nunca mostró una clave se encuentra el &lt;b style=&apos;color:{2}&apos;&gt;{3} %&lt;/b&gt; de las claves de prueba, en cada una de ellas (azar: {4} %).</translation>
    </message>
    <message>
        <source>Step {0}: at the {1} positions training never showed a key, &lt;b style=&apos;color:{2}&apos;&gt;{3}%&lt;/b&gt; of the test keys are found; from {4}% to {5}% position by position (chance: {6}%).</source>
        <translation>Paso {0}: en las {1} posiciones donde el entrenamiento nunca mostró una clave se encuentra el &lt;b style=&apos;color:{2}&apos;&gt;{3} %&lt;/b&gt; de las claves de prueba; del {4} % al {5} % según la posición (azar: {6} %).</translation>
    </message>
    <message>
        <source>Step {0}: training and test keys share their positions (turn on &apos;unseen&apos; to hold some out).</source>
        <translation>Paso {0}: las claves de entrenamiento y de prueba comparten posiciones (activa &apos;sin ver&apos; para reservar algunas).</translation>
    </message>
</context>
<context>
    <name>PretrainControls</name>
    <message>
        <source>Pretrain &amp;Layer by Layer…</source>
        <translation>Preentrenar &amp;capa a capa…</translation>
    </message>
    <message>
        <source>Stop &amp;Pretraining</source>
        <translation>Detener el &amp;preentrenamiento</translation>
    </message>
    <message>
        <source>Train the hidden layers one after another as autoencoders, then Run fine-tunes the network</source>
        <translation>Entrena las capas ocultas una tras otra como autocodificadores; después Entrenar ajusta la red</translation>
    </message>
    <message>
        <source>Pretraining layer by layer: starting</source>
        <translation>Preentrenamiento capa a capa: empezando</translation>
    </message>
    <message>
        <source>The dataset is not loaded yet: see the Dataset tab</source>
        <translation>Los datos aún no están cargados: mira la pestaña Datos</translation>
    </message>
    <message>
        <source>Cannot pretrain layer by layer: {0}</source>
        <translation>No se puede preentrenar capa a capa: {0}</translation>
    </message>
    <message>
        <source>Pretraining stopped: {0}</source>
        <translation>Preentrenamiento detenido: {0}</translation>
    </message>
    <message>
        <source>Pretraining layer {0} of {1} ({2}): epoch {3} of {4}, reconstruction error {5} (from {6})</source>
        <translation>Preentrenando la capa {0} de {1} ({2}): época {3} de {4}, error de reconstrucción {5} (desde {6})</translation>
    </message>
    <message>
        <source>Pretraining stopped after {0} of {1} layers; the model keeps what they learnt</source>
        <translation>Preentrenamiento detenido tras {0} de {1} capas; el modelo conserva lo que aprendieron</translation>
    </message>
    <message>
        <source>: press Run (F5) to fine-tune</source>
        <translation>: pulsa Entrenar (F5) para el ajuste fino</translation>
    </message>
    <message>
        <source>Pretrained {0} layers: press Run (F5) to fine-tune (reconstruction error {1})</source>
        <translation>{0} capas preentrenadas: pulsa Entrenar (F5) para el ajuste fino (error de reconstrucción {1})</translation>
    </message>
    <message>
        <source>pretrained layer by layer</source>
        <translation>preentrenada capa a capa</translation>
    </message>
</context>
<context>
    <name>PretrainDialog</name>
    <message>
        <source>Pretrain layer by layer</source>
        <translation>Preentrenar capa a capa</translation>
    </message>
    <message>
        <source>Each hidden layer in turn ({0}) learns to be the encoder of an autoencoder: a throwaway decoder rebuilds the layer&apos;s input from its output, and both train on the training set to make the rebuilt input match (mean squared error, Adam). Each layer learns from the codes of the layers before it. The output layer is left alone. Afterwards, Run fine-tunes the whole network on the labels.</source>
        <translation>Cada capa oculta por turno ({0}) aprende a ser el codificador de un autocodificador: un decodificador desechable reconstruye la entrada de la capa a partir de su salida, y ambos se entrenan con el conjunto de entrenamiento para que la entrada reconstruida coincida (error cuadrático medio, Adam). Cada capa aprende de los códigos de las capas anteriores. La capa de salida no se toca. Después, Entrenar ajusta la red entera con las etiquetas.</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> épocas</translation>
    </message>
    <message>
        <source>Each layer trains for</source>
        <translation>Cada capa se entrena durante</translation>
    </message>
    <message>
        <source>Pretrain</source>
        <translation>Preentrenar</translation>
    </message>
</context>
<context>
    <name>Pretraining</name>
    <message>
        <source>the network cannot run yet: fix the layers marked in red first</source>
        <translation>la red aún no puede funcionar: corrige antes las capas marcadas en rojo</translation>
    </message>
    <message>
        <source>{0} merges several inputs: only a chain of layers can be pretrained layer by layer</source>
        <translation>{0} une varias entradas: solo una cadena de capas se puede preentrenar capa a capa</translation>
    </message>
    <message>
        <source>{0} is a {1} layer: pretraining layer by layer works on a chain of dense layers (Linear) with activations between them</source>
        <translation>{0} es una capa {1}: el preentrenamiento capa a capa funciona con una cadena de capas densas (Linear) con activaciones entre ellas</translation>
    </message>
    <message>
        <source>the network has no hidden dense layer to pretrain: it needs a Linear layer before the output layer</source>
        <translation>la red no tiene ninguna capa densa oculta que preentrenar: necesita una capa Linear antes de la capa de salida</translation>
    </message>
    <message>
        <source>{0} is frozen: unfreeze it to pretrain it</source>
        <translation>{0} está congelada: descongélala para preentrenarla</translation>
    </message>
    <message>
        <source>epochs per layer must be from 1 to {0}</source>
        <translation>las épocas por capa deben ir de 1 a {0}</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to this project first?</source>
        <translation>¿Guardar antes los cambios de este proyecto?</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Abrir un proyecto</translation>
    </message>
    <message>
        <source>Neurona projects (*.json)</source>
        <translation>Proyectos de Neurona (*.json)</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>No se puede abrir el proyecto</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>Abierto {0}</translation>
    </message>
    <message>
        <source>Opened without its lesson steps</source>
        <translation>Abierto sin sus pasos de lección</translation>
    </message>
    <message>
        <source>{0}: its network, dataset and settings are as saved, but its lesson steps were left out: {1}</source>
        <translation>{0}: su red, su conjunto de datos y sus ajustes están como se guardaron, pero sus pasos de lección se dejaron fuera: {1}</translation>
    </message>
    <message>
        <source>Open a saved run</source>
        <translation>Abrir una ejecución guardada</translation>
    </message>
    <message>
        <source>Cannot open the run</source>
        <translation>No se puede abrir la ejecución</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>No se puede abrir la lección</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>Guardar el proyecto</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Guardado {0}</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>¿Recuperar el trabajo sin guardar?</translation>
    </message>
    <message>
        <source>Neurona closed without saving changes to “{0}”. Recover them?</source>
        <translation>Neurona se cerró sin guardar los cambios de “{0}”. ¿Recuperarlos?</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Question %1</source>
        <translation>Pregunta %1</translation>
    </message>
    <message>
        <source>Show the answer</source>
        <translation>Mostrar la respuesta</translation>
    </message>
</context>
<context>
    <name>RacerPanel</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a racer with this optimiser</source>
        <translation>Añade un corredor con este optimizador</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected racer</source>
        <translation>Quita el corredor seleccionado</translation>
    </message>
    <message>
        <source>common</source>
        <translation>común</translation>
    </message>
    <message>
        <source>This racer&apos;s own clipping norm; &apos;common&apos; follows the lab&apos;s clip setting</source>
        <translation>La norma de recorte propia de este corredor; «común» sigue el recorte del laboratorio</translation>
    </message>
    <message>
        <source>own clip</source>
        <translation>recorte propio</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>The course&apos;s SGD schedule (§8.3): the rate falls linearly to 1% of its value by this step, then stays there; &apos;never&apos; leaves it as it is</source>
        <translation>El programa de SGD del curso (§8.3): la tasa baja linealmente hasta el 1 % de su valor en este paso y después se mantiene; «nunca» la deja como está</translation>
    </message>
    <message>
        <source>lr to 1% by step</source>
        <translation>tasa al 1 % en el paso</translation>
    </message>
</context>
<context>
    <name>ReconstructView</name>
    <message>
        <source>Train the network, or take a single step, to see what it rebuilds from a few test samples, clean and noisy. It must output as many values as its input: choose the target &apos;input&apos; in the dataset settings.</source>
        <translation>Entrena la red, o da un solo paso, para ver lo que reconstruye de unas cuantas muestras de prueba, limpias y con ruido. Debe dar tantos valores como su entrada: elige el objetivo «entrada» en los ajustes de los datos.</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added to the inputs shown</source>
        <translation>Desviación típica del ruido gaussiano sumado a las entradas mostradas</translation>
    </message>
    <message>
        <source>noise σ</source>
        <translation>ruido σ</translation>
    </message>
    <message>
        <source>input + noise of σ = {0}</source>
        <translation>entrada + ruido de σ = {0}</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>rebuilt from the noisy input</source>
        <translation>reconstruida de la entrada con ruido</translation>
    </message>
    <message>
        <source>rebuilt from the input</source>
        <translation>reconstruida de la entrada</translation>
    </message>
    <message>
        <source>the network adds noise of σ = {0} while training (layer &apos;{1}&apos;)</source>
        <translation>la red suma ruido de σ = {0} durante el entrenamiento (capa «{1}»)</translation>
    </message>
    <message>
        <source>the network adds no noise while training</source>
        <translation>la red no suma ruido durante el entrenamiento</translation>
    </message>
    <message>
        <source>Step {0}: {1}.</source>
        <translation>Paso {0}: {1}.</translation>
    </message>
    <message>
        <source>{0} test samples: the input, the input plus Gaussian noise of σ = {1}, and what the network rebuilds from each (the network run as at test time). Mean squared error against the input, over {2} test samples: the noisy input &lt;b&gt;{3}&lt;/b&gt;, rebuilt from the noisy input &lt;b&gt;{4}&lt;/b&gt;, rebuilt from the input &lt;b&gt;{5}&lt;/b&gt;. One grey scale for all rows: the inputs&apos; range, {6} to {7}.</source>
        <translation>{0} muestras de prueba: la entrada, la entrada más ruido gaussiano de σ = {1} y lo que la red reconstruye de cada una (la red ejecutada como en prueba). Error cuadrático medio frente a la entrada, sobre {2} muestras de prueba: la entrada con ruido &lt;b&gt;{3}&lt;/b&gt;, reconstruida de la entrada con ruido &lt;b&gt;{4}&lt;/b&gt;, reconstruida de la entrada &lt;b&gt;{5}&lt;/b&gt;. Una sola escala de grises para todas las filas: el rango de las entradas, de {6} a {7}.</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <source>Recording a lesson: show the next thing, then Record Step (Ctrl+Shift+R)</source>
        <translation>Grabando una lección: muestra lo siguiente y luego Grabar paso (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Record Step</source>
        <translation>Grabar paso</translation>
    </message>
    <message>
        <source>Not recorded: %1.</source>
        <translation>No grabado: %1.</translation>
    </message>
    <message>
        <source>Recorded step %1</source>
        <translation>Paso %1 grabado</translation>
    </message>
    <message>
        <source>Save the lesson</source>
        <translation>Guardar la lección</translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation>Lecciones (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the lesson</source>
        <translation>No se puede guardar la lección</translation>
    </message>
    <message>
        <source>Saved the lesson to %1: open it to play it back</source>
        <translation>Lección guardada en %1: ábrela para reproducirla</translation>
    </message>
</context>
<context>
    <name>ReversePanel</name>
    <message>
        <source>Reverse correlation of the chosen unit</source>
        <translation>Correlación inversa de la unidad</translation>
    </message>
    <message>
        <source>Average white-noise images weighted by the unit&apos;s response: its receptive field, found without looking at the weights</source>
        <translation>Promedio de imágenes de ruido blanco ponderadas por la respuesta de la unidad: su campo receptivo, hallado sin mirar los pesos</translation>
    </message>
    <message>
        <source>from noise</source>
        <translation>desde el ruido</translation>
    </message>
    <message>
        <source>real filter</source>
        <translation>filtro real</translation>
    </message>
    <message>
        <source>computed for the unit you click, at the next refresh</source>
        <translation>se calcula para la unidad en la que hagas clic, en la próxima actualización</translation>
    </message>
    <message>
        <source>correlation with its real filter {0}</source>
        <translation>correlación con su filtro real {0}</translation>
    </message>
    <message>
        <source>a deeper unit has no single filter to compare with</source>
        <translation>una unidad más profunda no tiene un único filtro con el que compararla</translation>
    </message>
    <message>
        <source>{0} channel {1} ({2}, {3}), {4} noise images: {5}.</source>
        <translation>{0} canal {1} ({2}, {3}), {4} imágenes de ruido: {5}.</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>device: not chosen yet</source>
        <translation>dispositivo: aún sin elegir</translation>
    </message>
    <message>
        <source>Where training runs; choose it in the Training tab (auto: CUDA, then MPS, then CPU)</source>
        <translation>Dónde se entrena; se elige en la pestaña Entrenamiento (auto: CUDA, luego MPS, luego CPU)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Entrenar</translation>
    </message>
    <message>
        <source>Run &amp;For…</source>
        <translation>Entrenar &amp;durante…</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Paso</translation>
    </message>
    <message>
        <source>Rese&amp;t Weights</source>
        <translation>&amp;Reiniciar pesos</translation>
    </message>
    <message>
        <source>Save &amp;Run…</source>
        <translation>Guardar &amp;ejecución…</translation>
    </message>
    <message>
        <source>Paused by itself: {0}</source>
        <translation>En pausa por sí sola: {0}</translation>
    </message>
    <message>
        <source>Saved the run to {0}</source>
        <translation>Ejecución guardada en {0}</translation>
    </message>
    <message>
        <source>device: {0}</source>
        <translation>dispositivo: {0}</translation>
    </message>
    <message>
        <source>The dataset is still loading: training starts as soon as it has loaded</source>
        <translation>Los datos aún se están cargando: el entrenamiento empieza en cuanto se carguen</translation>
    </message>
    <message>
        <source>The dataset is not loaded yet: see the Dataset tab</source>
        <translation>Los datos aún no están cargados: mira la pestaña Datos</translation>
    </message>
    <message>
        <source>Weights reset: press Run (F5) to train from the start.</source>
        <translation>Pesos reiniciados: pulsa Entrenar (F5) para entrenar desde el principio.</translation>
    </message>
    <message>
        <source>The network cannot train yet: {0}</source>
        <translation>La red aún no puede entrenar: {0}</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>¿Detener el entrenamiento?</translation>
    </message>
    <message>
        <source>Changing the network discards the model being trained. Stop training?</source>
        <translation>Cambiar la red descarta el modelo que se está entrenando. ¿Detener el entrenamiento?</translation>
    </message>
    <message>
        <source>Nothing trained yet to save</source>
        <translation>Aún no hay nada entrenado que guardar</translation>
    </message>
    <message>
        <source>Save the run into a folder</source>
        <translation>Guardar la ejecución en una carpeta</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>Training finished: Run trains as many epochs again</source>
        <translation>Entrenamiento terminado: Entrenar repite el mismo número de épocas</translation>
    </message>
    <message>
        <source>Training paused: {0}. Reset the weights (Ctrl+F5) to start again.</source>
        <translation>Entrenamiento en pausa: {0}. Reinicia los pesos (Ctrl+F5) para empezar de nuevo.</translation>
    </message>
    <message>
        <source>Training paused: the loss is no longer a number</source>
        <translation>Entrenamiento en pausa: la pérdida ya no es un número</translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation>Entrenamiento detenido: {0}</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Entrenamiento detenido</translation>
    </message>
</context>
<context>
    <name>RunForDialog</name>
    <message>
        <source>Train, then pause</source>
        <translation>Entrenar y luego pausar</translation>
    </message>
    <message>
        <source>Train for</source>
        <translation>Entrenar durante</translation>
    </message>
    <message>
        <source>Train until</source>
        <translation>Entrenar hasta</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> épocas</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Pause at the first epoch whose accuracy is at least this</source>
        <translation>Pausar en la primera época cuya precisión sea al menos esta</translation>
    </message>
    <message>
        <source>Pause at the first epoch whose loss is at most this</source>
        <translation>Pausar en la primera época cuya pérdida sea como mucho esta</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Changed from the run before</source>
        <translation>Cambio respecto a la anterior</translation>
    </message>
    <message>
        <source>Final test</source>
        <translation>Prueba final</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Every run that finishes or is stopped appears here. Change one thing, train again, and tick runs to compare their curves.</source>
        <translation>Aquí aparece cada ejecución que termina o se detiene. Cambia una cosa, vuelve a entrenar y marca ejecuciones para comparar sus curvas.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Restore to canvas</source>
        <translation>Devolver al lienzo</translation>
    </message>
    <message>
        <source>Put this run&apos;s network, dataset and settings back, with its final weights</source>
        <translation>Recupera la red, los datos y los ajustes de esta ejecución, con sus pesos finales</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>solid: test · dashed: train</source>
        <translation>continua: prueba · discontinua: entrenamiento</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>The run could not be kept: {0}</source>
        <translation>No se pudo conservar la ejecución: {0}</translation>
    </message>
    <message>
        <source>{0}%</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>loss {0}</source>
        <translation>pérdida {0}</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation> (detenida)</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>precisión %</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>the ticked runs have no accuracy (regression): compare their loss</source>
        <translation>las ejecuciones marcadas no tienen precisión (regresión): compara su pérdida</translation>
    </message>
    <message>
        <source>Delete the run?</source>
        <translation>¿Borrar la ejecución?</translation>
    </message>
    <message>
        <source>Delete &apos;{0}&apos; and its weights? This cannot be undone.</source>
        <translation>¿Borrar &apos;{0}&apos; y sus pesos? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Save &apos;{0}&apos; into a folder</source>
        <translation>Guardar &apos;{0}&apos; en una carpeta</translation>
    </message>
    <message>
        <source>Cannot save the run</source>
        <translation>No se puede guardar la ejecución</translation>
    </message>
    <message>
        <source>Saved &apos;{0}&apos; to {1}</source>
        <translation>&apos;{0}&apos; guardada en {1}</translation>
    </message>
    <message>
        <source>Restored &apos;{0}&apos;: its weights wait, paused; Run trains on from them</source>
        <translation>&apos;{0}&apos; recuperada: sus pesos esperan en pausa; Entrenar sigue desde ellos</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Semillas</translation>
    </message>
</context>
<context>
    <name>SampleGallery</name>
    <message>
        <source>test sample #{0} {1}: {2}</source>
        <translation>muestra de prueba n.º {0} {1}: {2}</translation>
    </message>
</context>
<context>
    <name>SeedsPanel</name>
    <message>
        <source> seeds</source>
        <translation> semillas</translation>
    </message>
    <message>
        <source>How many copies of the network to train, with seeds 0, 1, 2 …</source>
        <translation>Cuántas copias de la red entrenar, con semillas 0, 1, 2 …</translation>
    </message>
    <message>
        <source>works at ≥ </source>
        <translation>funciona con ≥ </translation>
    </message>
    <message>
        <source>The test accuracy a seed must reach to count as working</source>
        <translation>La precisión de prueba que debe alcanzar una semilla para contar como que funciona</translation>
    </message>
    <message>
        <source>Train seeds</source>
        <translation>Entrenar semillas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Restore seed</source>
        <translation>Recuperar semilla</translation>
    </message>
    <message>
        <source>Set the training seed to the chosen dot&apos;s and load its trained weights, paused</source>
        <translation>Pone como semilla de entrenamiento la del punto elegido y carga sus pesos entrenados, en pausa</translation>
    </message>
    <message>
        <source>Train many seeds of the network at once to see how often it works.</source>
        <translation>Entrena muchas semillas de la red a la vez para ver con qué frecuencia funciona.</translation>
    </message>
    <message>
        <source>The dataset is not loaded yet: see the Dataset tab</source>
        <translation>Los datos aún no están cargados: mira la pestaña Datos</translation>
    </message>
    <message>
        <source>Training {0} seeds of this network together…</source>
        <translation>Entrenando a la vez {0} semillas de esta red…</translation>
    </message>
    <message>
        <source>Training {0} seeds together: epoch {1} of {2}…</source>
        <translation>Entrenando {0} semillas a la vez: época {1} de {2}…</translation>
    </message>
    <message>
        <source>⚠  The seeds could not be trained: {0}</source>
        <translation>⚠  No se pudieron entrenar las semillas: {0}</translation>
    </message>
    <message>
        <source>This network is a regression: there is no accuracy to compare across seeds.</source>
        <translation>Esta red hace regresión: no hay precisión que comparar entre semillas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} of {1} seeds&lt;/b&gt; reached {2}% test accuracy after {3} epochs ({4} s for all of them, trained together).</source>
        <translation>&lt;b&gt;{0} de {1} semillas&lt;/b&gt; alcanzaron un {2} % de precisión de prueba tras {3} épocas ({4} s para todas, entrenadas a la vez).</translation>
    </message>
    <message>
        <source>&lt;p&gt;Stuck (orange): seeds {0}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Atascadas (naranja): semillas {0}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Click a dot to choose its seed, then Restore seed to train on from its weights.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Haz clic en un punto para elegir su semilla y luego en Recuperar semilla para seguir entrenando desde sus pesos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>seed {0}: {1}% test accuracy</source>
        <translation>semilla {0}: {1} % de precisión de prueba</translation>
    </message>
    <message>
        <source>Restore seed {0}</source>
        <translation>Recuperar semilla {0}</translation>
    </message>
    <message>
        <source>Seed {0} restored: its weights wait, paused</source>
        <translation>Semilla {0} recuperada: sus pesos esperan en pausa</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>without {0}</source>
        <translation>sin {0}</translation>
    </message>
    <message>
        <source>the settings as they are</source>
        <translation>los ajustes tal como están</translation>
    </message>
    <message>
        <source>The series was stopped at run %1 of %2.</source>
        <translation>La serie se detuvo en la ejecución %1 de %2.</translation>
    </message>
    <message>
        <source>The series stopped at run %1 of %2:</source>
        <translation>La serie se detuvo en la ejecución %1 de %2:</translation>
    </message>
    <message>
        <source>Lesson step %1, run %2 of the series</source>
        <translation>Paso %1 de la lección, ejecución %2 de la serie</translation>
    </message>
    <message>
        <source>loading its data</source>
        <translation>cargando sus datos</translation>
    </message>
    <message>
        <source>The series stopped at run %1 of %2: the network cannot train (see the status bar).</source>
        <translation>La serie se detuvo en la ejecución %1 de %2: la red no puede entrenar (mira la barra de estado).</translation>
    </message>
    <message>
        <source>The series is done: %1 runs, overlaid in the Runs tab.</source>
        <translation>La serie ha terminado: %1 ejecuciones, superpuestas en la pestaña Ejecuciones.</translation>
    </message>
    <message>
        <source>Series: run %1 of %2</source>
        <translation>Serie: ejecución %1 de %2</translation>
    </message>
    <message>
        <source>paused: Run (F5) goes on</source>
        <translation>en pausa: Entrenar (F5) sigue</translation>
    </message>
</context>
<context>
    <name>SeriesBar</name>
    <message>
        <source>Stop the series</source>
        <translation>Detener la serie</translation>
    </message>
    <message>
        <source>Stop the run being trained; no further run of the series starts</source>
        <translation>Detiene la ejecución que se entrena; no empieza ninguna otra ejecución de la serie</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>full speed</source>
        <translation>máxima</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 paso/s</translation>
    </message>
    <message>
        <source>{0} steps/s</source>
        <translation>{0} pasos/s</translation>
    </message>
    <message>
        <source>Training speed: slow motion draws every step, so a class can follow each one</source>
        <translation>Velocidad de entrenamiento: a cámara lenta se dibuja cada paso, para que la clase pueda seguirlos uno a uno</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
</context>
<context>
    <name>StepTexts</name>
    <message>
        <source>The lesson&apos;s texts</source>
        <translation>Los textos de la lección</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Paso %1</translation>
    </message>
    <message>
        <source>nothing: the lesson as it opens</source>
        <translation>nada: la lección tal como se abre</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Hace</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Write a text for step %1.</source>
        <translation>Escribe un texto para el paso %1.</translation>
    </message>
</context>
<context>
    <name>Surface3D</name>
    <message>
        <source>Drag to turn the surface, scroll to tilt it</source>
        <translation>Arrastra para girar la superficie, usa la rueda para inclinarla</translation>
    </message>
    <message>
        <source>the same loss in 3-D (drag to turn it)</source>
        <translation>la misma pérdida en 3D (arrastra para girarla)</translation>
    </message>
    <message>
        <source>direction 1</source>
        <translation>dirección 1</translation>
    </message>
    <message>
        <source>direction 2</source>
        <translation>dirección 2</translation>
    </message>
</context>
<context>
    <name>TextPanel</name>
    <message>
        <source>sampled</source>
        <translation>muestreado</translation>
    </message>
    <message>
        <source>likeliest, fed back</source>
        <translation>más probable, realimentado</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>comienzo</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>verdad</translation>
    </message>
    <message>
        <source>likeliest</source>
        <translation>más probable</translation>
    </message>
</context>
<context>
    <name>ThroughTimeView</name>
    <message>
        <source>Run or step the training: the chosen recurrent layer appears here, unrolled over its steps.</source>
        <translation>Entrena o da un paso: aquí aparece la capa recurrente elegida, desplegada a lo largo de sus pasos.</translation>
    </message>
    <message>
        <source>This network has no RNN, GRU or LSTM layer: add one to see it unrolled through time.</source>
        <translation>Esta red no tiene ninguna capa RNN, GRU o LSTM: añade una para verla desplegada en el tiempo.</translation>
    </message>
    <message>
        <source>no gradient reaches step {0}</source>
        <translation>ningún gradiente llega al paso {0}</translation>
    </message>
    <message>
        <source>‖∂L/∂h_1‖ is 0: nothing of the loss reaches step 1 (‖∂L/∂h_{0}‖ = {1})</source>
        <translation>‖∂L/∂h_1‖ es 0: nada de la pérdida llega al paso 1 (‖∂L/∂h_{0}‖ = {1})</translation>
    </message>
    <message>
        <source>last / first = ‖∂L/∂h_{0}‖ / ‖∂L/∂h_1‖ = {1}: step 1 gets {2} of the gradient step {0} gets</source>
        <translation>último / primero = ‖∂L/∂h_{0}‖ / ‖∂L/∂h_1‖ = {1}: el paso 1 recibe {2} del gradiente que recibe el paso {0}</translation>
    </message>
    <message>
        <source>The recurrent layer to unroll</source>
        <translation>La capa recurrente que desplegar</translation>
    </message>
    <message>
        <source>Which layer of the stack (0 reads the input)</source>
        <translation>Qué capa de la pila (la 0 lee la entrada)</translation>
    </message>
    <message>
        <source>level</source>
        <translation>nivel</translation>
    </message>
    <message>
        <source>The test sample drawn in the left panels</source>
        <translation>La muestra de prueba dibujada en los paneles de la izquierda</translation>
    </message>
    <message>
        <source>What is drawn under the hidden state: a gate or the cell of an LSTM or GRU, the slope of a plain RNN</source>
        <translation>Lo que se dibuja bajo el estado oculto: una puerta o la celda de una LSTM o GRU, la pendiente de una RNN simple</translation>
    </message>
    <message>
        <source>The time cursor: one step marked in every panel (or drag its red line)</source>
        <translation>El cursor de tiempo: un paso marcado en cada panel (o arrastra su línea roja)</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>test sample</source>
        <translation>muestra de prueba</translation>
    </message>
    <message>
        <source>under h_t</source>
        <translation>bajo h_t</translation>
    </message>
    <message>
        <source>step t</source>
        <translation>paso t</translation>
    </message>
    <message>
        <source>input x_t</source>
        <translation>entrada x_t</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>caract.</translation>
    </message>
    <message>
        <source>hidden state h_t</source>
        <translation>estado oculto h_t</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unidad</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>puerta</translation>
    </message>
    <message>
        <source>‖∂L/∂h_t‖ for the last batch</source>
        <translation>‖∂L/∂h_t‖ del último lote</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>norma</translation>
    </message>
    <message>
        <source>log₁₀ ‖∂L/∂h_t‖ over training</source>
        <translation>log₁₀ ‖∂L/∂h_t‖ al entrenar</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>paso de entrenamiento</translation>
    </message>
    <message>
        <source>eigenvalues of W_hh</source>
        <translation>valores propios de W_hh</translation>
    </message>
    <message>
        <source>imaginary</source>
        <translation>imaginaria</translation>
    </message>
    <message>
        <source>real</source>
        <translation>real</translation>
    </message>
    <message>
        <source>‖W_hhᵗ h₀‖, h₀ a fixed unit vector</source>
        <translation>‖W_hhᵗ h₀‖, h₀ unitario fijo</translation>
    </message>
    <message>
        <source>input: the states of level {0}</source>
        <translation>entrada: los estados del nivel {0}</translation>
    </message>
    <message>
        <source>hidden state h_t, {0} units: orange −, blue +</source>
        <translation>estado oculto h_t, {0} unidades: naranja −, azul +</translation>
    </message>
    <message>
        <source>‖∂L/∂h_t‖, batch of step {0}</source>
        <translation>‖∂L/∂h_t‖, lote del paso {0}</translation>
    </message>
    <message>
        <source>‖∂L/∂h_t‖, first {1} samples</source>
        <translation>‖∂L/∂h_t‖, primeras {1} muestras</translation>
    </message>
    <message>
        <source>The gradient of the loss with respect to each step&apos;s state, over the {0} samples of the batch trained at step {1}, at the current weights: every path back from the loss to that step, summed</source>
        <translation>El gradiente de la pérdida respecto al estado de cada paso, sobre las {0} muestras del lote entrenado en el paso {1}, con los pesos actuales: todos los caminos de vuelta desde la pérdida hasta ese paso, sumados</translation>
    </message>
    <message>
        <source>The gradient of the loss with respect to each step&apos;s state, over the {0} samples of the first batch (nothing trained yet), at the current weights: every path back from the loss to that step, summed</source>
        <translation>El gradiente de la pérdida respecto al estado de cada paso, sobre las {0} muestras del primer lote (aún no se ha entrenado nada), con los pesos actuales: todos los caminos de vuelta desde la pérdida hasta ese paso, sumados</translation>
    </message>
    <message>
        <source>Step {0}: {1}</source>
        <translation>Paso {0}: {1}</translation>
    </message>
    <message>
        <source>slope act′(a_t): 0 blocks the gradient (white) … 1 passes it (blue)</source>
        <translation>pendiente act′(a_t): 0 bloquea (blanco) … 1 deja pasar (azul)</translation>
    </message>
    <message>
        <source>{0}: 0 shut (white) … 1 open (blue)</source>
        <translation>{0}: 0 cierra (blanco) … 1 abre (azul)</translation>
    </message>
    <message>
        <source>{0}: orange negative, blue positive</source>
        <translation>{0}: naranja negativo, azul positivo</translation>
    </message>
    <message>
        <source>log₁₀ ‖∂L/∂h_t‖ over training: {0} (dark) … {1} (yellow)</source>
        <translation>log₁₀ ‖∂L/∂h_t‖: {0} (oscuro) … {1} (amarillo)</translation>
    </message>
    <message>
        <source>eigenvalues of {0}: radius {1}</source>
        <translation>valores propios de {0}: radio {1}</translation>
    </message>
    <message>
        <source>The eigenvalues of the recurrent weight matrix, with the unit circle: inside it, powers of the matrix shrink a vector; outside, they grow it</source>
        <translation>Los valores propios de la matriz de pesos recurrente, con la circunferencia unidad: dentro de ella, las potencias de la matriz encogen un vector; fuera, lo agrandan</translation>
    </message>
    <message>
        <source>The eigenvalues of the recurrent weight matrix&apos;s {0} block, the part that writes the new state, with the unit circle: inside it, powers of the matrix shrink a vector; outside, they grow it</source>
        <translation>Los valores propios del bloque {0} de la matriz de pesos recurrente, la parte que escribe el nuevo estado, con la circunferencia unidad: dentro de ella, las potencias de la matriz encogen un vector; fuera, lo agrandan</translation>
    </message>
    <message>
        <source>‖{0}ᵗ h₀‖ for a fixed unit vector h₀</source>
        <translation>‖{0}ᵗ h₀‖, h₀ unitario fijo</translation>
    </message>
    <message>
        <source>t = {0}: x_t = ({1}) · h_t from {2} to {3} · ‖∂L/∂h_t‖ = {4}</source>
        <translation>t = {0}: x_t = ({1}) · h_t de {2} a {3} · ‖∂L/∂h_t‖ = {4}</translation>
    </message>
    <message>
        <source>{0} · test sample {1}: {2}</source>
        <translation>{0} · muestra de prueba {1}: {2}</translation>
    </message>
    <message>
        <source>predicted class {0}, true class {1}</source>
        <translation>clase predicha {0}, clase verdadera {1}</translation>
    </message>
    <message>
        <source>output {0}, target {1}</source>
        <translation>salida {0}, objetivo {1}</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>acc. %</source>
        <translation>prec. %</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>tasa</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>train, each step</source>
        <translation>entrenamiento, cada paso</translation>
    </message>
    <message>
        <source>no accuracy for regression</source>
        <translation>sin precisión en regresión</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>escala log.</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>Muestra la pérdida en un eje logarítmico</translation>
    </message>
    <message>
        <source>{0} of {1} {2}</source>
        <translation>{0} de {1} de {2}</translation>
    </message>
    <message>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>step  ·  per-epoch points on {0} samples</source>
        <translation>paso  ·  puntos por época sobre {0} muestras</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>no accuracy: the loss is the reconstruction&apos;s mean squared error</source>
        <translation>sin exactitud: la pérdida es el error cuadrático medio de la reconstrucción</translation>
    </message>
    <message>
        <source>{0}, epoch</source>
        <translation>{0}, época</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>Changes reach a running model at once, and so do their undos; the optimiser, the initialisation, the seed, the device and the kind of schedule apply when you reset the weights.</source>
        <translation>Los cambios llegan al momento al modelo que entrena, y también al deshacerlos; el optimizador, la inicialización, la semilla, el dispositivo y el tipo de calendario se aplican al reiniciar los pesos.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Import weights ({0})</source>
        <translation>Importar pesos ({0})</translation>
    </message>
    <message>
        <source>&amp;Import Weights into Layers…</source>
        <translation>&amp;Importar pesos en capas…</translation>
    </message>
    <message>
        <source>Training paused: importing weights starts a new model</source>
        <translation>Entrenamiento en pausa: importar pesos empieza un modelo nuevo</translation>
    </message>
    <message>
        <source>No layer was chosen: nothing imported</source>
        <translation>No se eligió ninguna capa: no se importó nada</translation>
    </message>
    <message>
        <source>Cannot import: {0}</source>
        <translation>No se puede importar: {0}</translation>
    </message>
    <message>
        <source>{0} from {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>{0} from {1}&apos;s {2}</source>
        <translation>{0} de {2} de {1}</translation>
    </message>
    <message>
        <source>Imported {0}: the new model waits, paused; Run trains it</source>
        <translation>Importado {0}: el modelo nuevo espera en pausa; Ejecutar lo entrena</translation>
    </message>
    <message>
        <source>The model before the import could not be brought back: {0}</source>
        <translation>No se pudo recuperar el modelo anterior a la importación: {0}</translation>
    </message>
</context>
<context>
    <name>UnrolledItem</name>
    <message>
        <source>unfold</source>
        <translation>desplegar</translation>
    </message>
    <message>
        <source>shared: the same W ({0}) and U ({1}) at every one of the {2} steps</source>
        <translation>compartidos: las mismas W ({0}) y U ({1}) en cada uno de los {2} pasos</translation>
    </message>
    <message>
        <source>level 1 of {0}: each level above has its own W and U, shared over the steps</source>
        <translation>nivel 1 de {0}: cada nivel superior tiene sus propias W y U, compartidas entre los pasos</translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>loss and accuracy curves, the decision boundary, the neurons</source>
        <translation>curvas de pérdida y precisión, la frontera de decisión, las neuronas</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> pasos</translation>
    </message>
    <message>
        <source>How often the open view is recomputed while training runs</source>
        <translation>Cada cuántos pasos se recalcula la vista abierta durante el entrenamiento</translation>
    </message>
    <message>
        <source>refresh every</source>
        <translation>actualizar cada</translation>
    </message>
    <message>
        <source>This view could not be loaded: {0}</source>
        <translation>No se pudo cargar esta vista: {0}</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Close without changing the model (Esc)</source>
        <translation>Cerrar sin cambiar el modelo (Esc)</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>The dense layer whose weights are drawn</source>
        <translation>La capa densa cuyos pesos se dibujan</translation>
    </message>
    <message>
        <source>one colour scale for all units</source>
        <translation>una escala de color para todas las unidades</translation>
    </message>
    <message>
        <source>Off: each unit on its own scale, to see its pattern. On: all on one, to compare strengths</source>
        <translation>Desmarcada: cada unidad con su propia escala, para ver su patrón. Marcada: todas con una, para comparar su fuerza</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unidad</translation>
    </message>
    <message>
        <source>Train the network, or take a single step, to see its weights here.</source>
        <translation>Entrena la red, o da un solo paso, para ver aquí sus pesos.</translation>
    </message>
    <message>
        <source> (the first {0})</source>
        <translation> (las {0} primeras)</translation>
    </message>
    <message>
        <source>red, green and blue channels, grey at zero</source>
        <translation>canales rojo, verde y azul, gris en cero</translation>
    </message>
    <message>
        <source>blue positive, orange negative</source>
        <translation>azul positivo, naranja negativo</translation>
    </message>
    <message>
        <source>one scale for all</source>
        <translation>una escala para todas</translation>
    </message>
    <message>
        <source>each on its own scale</source>
        <translation>cada una con su escala</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} units{2}; each picture is one unit&apos;s {3} incoming weights laid out as the {4} input ({5}; {6}).</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: {1} unidades{2}; cada imagen son los {3} pesos de entrada de una unidad, dispuestos como la entrada de {4} ({5}; {6}).</translation>
    </message>
    <message>
        <source>inputs (x_t, or the level below&apos;s h_t) | state h_(t−1)</source>
        <translation>entradas (x_t, o h_t del nivel de abajo) | estado h_(t−1)</translation>
    </message>
    <message>
        <source>inputs x_t | state h_(t−1)</source>
        <translation>entradas x_t | estado h_(t−1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; does not see the image, so its weights are drawn as a matrix: one row per unit{1}, one column per input; blue positive, orange negative, largest |w| = {2}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; no ve la imagen, así que sus pesos se dibujan como una matriz: una fila por unidad{1}, una columna por entrada; azul positivo, naranja negativo, mayor |w| = {2}.</translation>
    </message>
    <message>
        <source>level {0}</source>
        <translation>nivel {0}</translation>
    </message>
    <message>
        <source> in blocks of rows, one per gate ({0})</source>
        <translation> en bloques de filas, uno por puerta ({0})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is recurrent: its weights as one matrix, a row per unit{1}{2}; left of the line W_ih (its {3} inputs x_t), right of it W_hh (the state h_(t−1) fed back). Blue positive, orange negative, each part on its own scale: largest |w| {4} in W_ih, {5} in W_hh.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; es recurrente: sus pesos como una matriz, una fila por unidad{1}{2}; a la izquierda de la línea W_ih (sus {3} entradas x_t), a la derecha W_hh (el estado h_(t−1) realimentado). Azul positivo, naranja negativo, cada parte en su propia escala: mayor |w| {4} en W_ih, {5} en W_hh.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is recurrent with {1} stacked levels, drawn one under another, a row per unit{2}{3}: left of each level&apos;s line W_ih (level 1 reads the {4} inputs x_t, each level above the states of the level below), right of it W_hh (the level&apos;s own state fed back). Blue positive, orange negative, each part on its own scale: largest |w| in W_ih {5}, in W_hh {6}, level by level.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; es recurrente con {1} niveles apilados, dibujados uno bajo otro, una fila por unidad{2}{3}: a la izquierda de la línea de cada nivel W_ih (el nivel 1 lee las {4} entradas x_t, cada nivel superior los estados del nivel de abajo), a la derecha W_hh (el propio estado del nivel realimentado). Azul positivo, naranja negativo, cada parte en su propia escala: mayor |w| en W_ih {5}, en W_hh {6}, nivel a nivel.</translation>
    </message>
    <message>
        <source>class</source>
        <translation>clase</translation>
    </message>
    <message>
        <source>{0} unit</source>
        <translation>unidad de {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: how each class weighs {1}&apos;s units (a bar up: the unit votes for it; largest |w| = {2}). Click a row to write its weights under the pictures.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: cómo pondera cada clase las unidades de {1} (una barra hacia arriba: la unidad vota a favor; mayor |w| = {2}). Haz clic en una fila para escribir sus pesos bajo las imágenes.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: how each unit weighs {1}&apos;s units (a bar up: the unit votes for it; largest |w| = {2}). Click a row to write its weights under the pictures.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: cómo pondera cada unidad las unidades de {1} (una barra hacia arriba: la unidad vota a favor; mayor |w| = {2}). Haz clic en una fila para escribir sus pesos bajo las imágenes.</translation>
    </message>
</context>
<context>
    <name>bypass</name>
    <message>
        <source>the network has no layer &apos;{0}&apos;</source>
        <translation>la red no tiene la capa &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is the network&apos;s {1}: it cannot be taken out</source>
        <translation>&apos;{0}&apos; es la capa {1} de la red: no se puede quitar</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has {1} inputs: only a layer with one input can be taken out</source>
        <translation>&apos;{0}&apos; tiene {1} entradas: solo se puede quitar una capa con una entrada</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>abs</source>
        <translation>abs</translation>
    </message>
    <message>
        <source>adagrad</source>
        <translation>adagrad</translation>
    </message>
    <message>
        <source>adam</source>
        <translation>adam</translation>
    </message>
    <message>
        <source>adamw</source>
        <translation>adamw</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>first half</source>
        <translation>primera mitad</translation>
    </message>
    <message>
        <source>second half</source>
        <translation>segunda mitad</translation>
    </message>
    <message>
        <source>0-9</source>
        <translation>0-9</translation>
    </message>
    <message>
        <source>0-4</source>
        <translation>0-4</translation>
    </message>
    <message>
        <source>5-9</source>
        <translation>5-9</translation>
    </message>
    <message>
        <source>and</source>
        <translation>AND</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>bce</source>
        <translation>entropía cruzada binaria</translation>
    </message>
    <message>
        <source>bump</source>
        <translation>campana</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>clasificación</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>coseno</translation>
    </message>
    <message>
        <source>cpu</source>
        <translation>cpu</translation>
    </message>
    <message>
        <source>cross_entropy</source>
        <translation>entropía cruzada</translation>
    </message>
    <message>
        <source>cubic</source>
        <translation>cúbica</translation>
    </message>
    <message>
        <source>cuda</source>
        <translation>cuda</translation>
    </message>
    <message>
        <source>default</source>
        <translation>por defecto</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>dibujada</translation>
    </message>
    <message>
        <source>english</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>kaiming</source>
        <translation>kaiming</translation>
    </message>
    <message>
        <source>last</source>
        <translation>último</translation>
    </message>
    <message>
        <source>lbfgs</source>
        <translation>lbfgs</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <source>mps</source>
        <translation>mps</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>error cuadrático medio</translation>
    </message>
    <message>
        <source>nesterov</source>
        <translation>nesterov</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>or</source>
        <translation>OR</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>ortogonal</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>regresión</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>rmsprop</source>
        <translation>rmsprop</translation>
    </message>
    <message>
        <source>sgd</source>
        <translation>sgd</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>seno</translation>
    </message>
    <message>
        <source>spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>step</source>
        <translation>escalón</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>xavier</source>
        <translation>xavier</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>ceros</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
</context>
<context>
    <name>classes</name>
    <message>
        <source>inside</source>
        <translation>dentro</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>fuera</translation>
    </message>
    <message>
        <source>arm {0}</source>
        <translation>brazo {0}</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>clase {0}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Neurona, a playground for seeing how neural networks learn. With no arguments it opens the app.</source>
        <translation>Neurona, un laboratorio para ver cómo aprenden las redes neuronales. Sin argumentos abre la aplicación.</translation>
    </message>
    <message>
        <source>language of the interface: es (español) or en; default: the system&apos;s (LANGUAGE, LC_ALL, LANG)</source>
        <translation>idioma de la interfaz: es (español) o en (inglés); por defecto, el del sistema (LANGUAGE, LC_ALL, LANG)</translation>
    </message>
    <message>
        <source>validate a project and list every layer&apos;s shape</source>
        <translation>valida un proyecto y lista la forma de cada capa</translation>
    </message>
    <message>
        <source>Validate a project file: print each node&apos;s output shape and parameter count, or every problem with the node it concerns.</source>
        <translation>Valida un archivo de proyecto: escribe la forma de salida y el número de parámetros de cada nodo, o cada problema con el nodo al que afecta.</translation>
    </message>
    <message>
        <source>a project file (.json)</source>
        <translation>un archivo de proyecto (.json)</translation>
    </message>
    <message>
        <source>train a project without the app</source>
        <translation>entrena un proyecto sin la aplicación</translation>
    </message>
    <message>
        <source>download MNIST, Fashion-MNIST or CIFAR-10 into the cache</source>
        <translation>descarga MNIST, Fashion-MNIST o CIFAR-10 en la caché</translation>
    </message>
    <message>
        <source>add Neurona to the desktop&apos;s applications menu and open project files with it</source>
        <translation>añade Neurona al menú de aplicaciones del escritorio y abre con ella los archivos de proyecto</translation>
    </message>
    <message>
        <source>open a project in the app, or save a picture of it</source>
        <translation>abre un proyecto en la aplicación, o guarda una imagen de él</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>detenido por el usuario</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <translation>no se puede leer {0}: {1}</translation>
    </message>
    <message>
        <source>{0} is a folder, not a project file</source>
        <translation>{0} es una carpeta, no un archivo de proyecto</translation>
    </message>
    <message>
        <source>{0} is not a regular file (a device or a pipe), so it cannot be a project file</source>
        <translation>{0} no es un archivo normal (es un dispositivo o una tubería), así que no puede ser un archivo de proyecto</translation>
    </message>
    <message>
        <source>error: give a project file to {0}</source>
        <translation>error: da un archivo de proyecto a {0}</translation>
    </message>
    <message>
        <source>error: {0}</source>
        <translation>error: {0}</translation>
    </message>
    <message>
        <source>error: {0}: {1}</source>
        <translation>error: {0}: {1}</translation>
    </message>
    <message>
        <source>dataset: {0}</source>
        <translation>datos: {0}</translation>
    </message>
    <message>
        <source>node</source>
        <translation>nodo</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>params</source>
        <translation>parámetros</translation>
    </message>
    <message>
        <source>total parameters: {0}</source>
        <translation>parámetros en total: {0}</translation>
    </message>
    <message>
        <source>ok: the network is ready to train</source>
        <translation>ok: la red está lista para entrenar</translation>
    </message>
    <message>
        <source>{0}, lr {1}, batch {2}, {3} epochs on {4}</source>
        <translation>{0}, tasa de aprendizaje {1}, lote {2}, {3} épocas en {4}</translation>
    </message>
    <message>
        <source>resuming {0} after epoch {1} (step {2})</source>
        <translation>reanudando {0} tras la época {1} (paso {2})</translation>
    </message>
    <message>
        <source>stopped by {0}; saving what was trained</source>
        <translation>detenido por {0}; guardando lo entrenado</translation>
    </message>
    <message>
        <source>trained {0} steps in {1}s; run saved to {2}</source>
        <translation>{0} pasos entrenados en {1} s; ejecución guardada en {2}</translation>
    </message>
    <message>
        <source>pretrained {0} ({1} of {2}): reconstruction error {3} → {4}</source>
        <translation>{0} preentrenada ({1} de {2}): error de reconstrucción {3} → {4}</translation>
    </message>
    <message>
        <source>stopped while pretraining; nothing was trained or saved</source>
        <translation>detenido durante el preentrenamiento; no se entrenó ni se guardó nada</translation>
    </message>
    <message>
        <source>the user (Ctrl-C)</source>
        <translation>el usuario (Ctrl-C)</translation>
    </message>
    <message>
        <source>SIGHUP (the terminal closed)</source>
        <translation>SIGHUP (se cerró el terminal)</translation>
    </message>
    <message>
        <source>{0} classes</source>
        <translation>{0} clases</translation>
    </message>
    <message>
        <source>targets of {0}</source>
        <translation>objetivos de {0}</translation>
    </message>
    <message>
        <source>{0} train / {1} test</source>
        <translation>{0} de entrenamiento / {1} de prueba</translation>
    </message>
    <message>
        <source>{0}, {1} inputs, {2}, {3}</source>
        <translation>{0}, entradas {1}, {2}, {3}</translation>
    </message>
    <message>
        <source> acc {0}%</source>
        <translation> prec. {0} %</translation>
    </message>
    <message>
        <source>epoch {0}/{1}  train loss {2}{3}  test loss {4}{5}  lr {6}  {7}s</source>
        <translation>época {0}/{1}  pérdida entr. {2}{3}  pérdida prueba {4}{5}  lr {6}  {7} s</translation>
    </message>
    <message>
        <source>size must look like 1280x800, not &apos;{0}&apos;</source>
        <translation>el tamaño debe tener la forma 1280x800, no &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>size {0}x{1} is out of range (320x240 to 7680x4320)</source>
        <translation>el tamaño {0}x{1} está fuera de rango (de 320x240 a 7680x4320)</translation>
    </message>
    <message>
        <source>--scale must be from 0.25 to 8, not {0}</source>
        <translation>--scale debe estar entre 0.25 y 8, no {0}</translation>
    </message>
    <message>
        <source>error: cannot write {0}</source>
        <translation>error: no se puede escribir {0}</translation>
    </message>
    <message>
        <source>saved {0} ({1})</source>
        <translation>guardado {0} ({1})</translation>
    </message>
    <message>
        <source>trained {0} steps</source>
        <translation>{0} pasos entrenados</translation>
    </message>
</context>
<context>
    <name>convolution</name>
    <message>
        <source>The stride must be at least 1.</source>
        <translation>La zancada debe ser al menos 1.</translation>
    </message>
    <message>
        <source>The dilation must be at least 1.</source>
        <translation>La dilatación debe ser al menos 1.</translation>
    </message>
    <message>
        <source>Padding must be one of {0} or a number of pixels.</source>
        <translation>El relleno debe ser uno de {0} o un número de píxeles.</translation>
    </message>
    <message>
        <source>Padding cannot be negative.</source>
        <translation>El relleno no puede ser negativo.</translation>
    </message>
    <message>
        <source>The input and the kernel must both be 2-D grids.</source>
        <translation>La entrada y el núcleo deben ser ambos cuadrículas 2D.</translation>
    </message>
    <message>
        <source>The kernel must be between 1 and {0} cells on each side.</source>
        <translation>El núcleo debe tener entre 1 y {0} celdas por lado.</translation>
    </message>
    <message>
        <source>The input and the kernel must hold finite numbers.</source>
        <translation>La entrada y el núcleo deben contener números finitos.</translation>
    </message>
    <message>
        <source>The kernel reaches {0} pixels, more than the padded input is tall: add padding, or use a smaller kernel or dilation.</source>
        <translation>El núcleo abarca {0} píxeles, más que la altura de la entrada con relleno: añade relleno o usa un núcleo o una dilatación menores.</translation>
    </message>
    <message>
        <source>The kernel reaches {0} pixels, more than the padded input is wide: add padding, or use a smaller kernel or dilation.</source>
        <translation>El núcleo abarca {0} píxeles, más que la anchura de la entrada con relleno: añade relleno o usa un núcleo o una dilatación menores.</translation>
    </message>
    <message>
        <source>The output has {0}×{1} cells; ({2}, {3}) is not one of them.</source>
        <translation>La salida tiene {0}×{1} celdas; ({2}, {3}) no es una de ellas.</translation>
    </message>
    <message>
        <source>The kernel reaches past the padded input: there is no output.</source>
        <translation>El núcleo se sale de la entrada con relleno: no hay salida.</translation>
    </message>
    <message>
        <source>The matrix is drawn for inputs of at most {0} pixels; this one has {1}.</source>
        <translation>La matriz se dibuja para entradas de como mucho {0} píxeles; esta tiene {1}.</translation>
    </message>
</context>
<context>
    <name>dataset groups</name>
    <message>
        <source>2-D</source>
        <translation>2D</translation>
    </message>
    <message>
        <source>2-D regression</source>
        <translation>regresión 2D</translation>
    </message>
    <message>
        <source>1-D regression</source>
        <translation>regresión 1D</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>secuencias</translation>
    </message>
    <message>
        <source>vectors</source>
        <translation>vectores</translation>
    </message>
    <message>
        <source>your data</source>
        <translation>tus datos</translation>
    </message>
</context>
<context>
    <name>dataset help</name>
    <message>
        <source>A disc inside a ring: not separable by a line</source>
        <translation>Un disco dentro de un anillo: no se separan con una recta</translation>
    </message>
    <message>
        <source>Quadrants: same-sign points against different-sign points</source>
        <translation>Cuadrantes: puntos del mismo signo contra puntos de signo distinto</translation>
    </message>
    <message>
        <source>Round clusters, one per class</source>
        <translation>Grupos redondos, uno por clase</translation>
    </message>
    <message>
        <source>Interleaved spiral arms, one per class</source>
        <translation>Brazos de espiral entrelazados, uno por clase</translation>
    </message>
    <message>
        <source>Two interleaving half circles</source>
        <translation>Dos semicírculos entrelazados</translation>
    </message>
    <message>
        <source>The four corners of a logic gate&apos;s truth table (AND, OR, XOR)</source>
        <translation>Las cuatro esquinas de la tabla de verdad de una puerta lógica (AND, OR, XOR)</translation>
    </message>
    <message>
        <source>Points above and below a curve you pick</source>
        <translation>Puntos por encima y por debajo de una curva que eliges</translation>
    </message>
    <message>
        <source>A tilted plane with noise: the simplest regression</source>
        <translation>Un plano inclinado con ruido: la regresión más sencilla</translation>
    </message>
    <message>
        <source>A surface of Gaussian bumps and dips</source>
        <translation>Una superficie de montes y valles gaussianos</translation>
    </message>
    <message>
        <source>Points of a function of x you pick, with noise: fit it with a few hidden units or many</source>
        <translation>Puntos de una función de x que eliges, con ruido: ajústala con pocas unidades ocultas o con muchas</translation>
    </message>
    <message>
        <source>Vectors of independent standard normal values; the class is a random linear function of them</source>
        <translation>Vectores de valores normales estándar independientes; la clase es una función lineal aleatoria de ellos</translation>
    </message>
    <message>
        <source>scikit-learn&apos;s 1,797 handwritten digits, 8×8 pixels</source>
        <translation>Los 1.797 dígitos manuscritos de scikit-learn, de 8×8 píxeles</translation>
    </message>
    <message>
        <source>Patches of scikit-learn&apos;s two photographs, to reconstruct (autoencoders)</source>
        <translation>Trozos de las dos fotografías de scikit-learn, para reconstruir (autocodificadores)</translation>
    </message>
    <message>
        <source>70,000 handwritten digits, 28×28 (IDX files)</source>
        <translation>70.000 dígitos manuscritos, de 28×28 (archivos IDX)</translation>
    </message>
    <message>
        <source>70,000 photos of clothes, 28×28 (IDX files)</source>
        <translation>70.000 fotos de ropa, de 28×28 (archivos IDX)</translation>
    </message>
    <message>
        <source>60,000 colour photos in 10 classes, 32×32 (binary batches)</source>
        <translation>60.000 fotos en color de 10 clases, de 32×32 (lotes binarios)</translation>
    </message>
    <message>
        <source>Your images: one sub-folder per class</source>
        <translation>Tus imágenes: una subcarpeta por clase</translation>
    </message>
    <message>
        <source>Your points: click on the decision boundary&apos;s plane to place points of a class</source>
        <translation>Tus puntos: haz clic en el plano de la frontera de decisión para poner puntos de una clase</translation>
    </message>
    <message>
        <source>Your table: a CSV file with feature columns and a label column</source>
        <translation>Tu tabla: un archivo CSV con columnas de características y una columna de etiqueta</translation>
    </message>
    <message>
        <source>Predict the next value of a noisy sine wave</source>
        <translation>Predecir el siguiente valor de una onda senoidal con ruido</translation>
    </message>
    <message>
        <source>The adding problem: sum the two marked values of a long sequence</source>
        <translation>El problema de la suma: sumar los dos valores marcados de una secuencia larga</translation>
    </message>
    <message>
        <source>Is the number of ones in a bit sequence odd?</source>
        <translation>¿Es impar el número de unos de una secuencia de bits?</translation>
    </message>
    <message>
        <source>Which key, A or B, hides among distractors? Test keys can sit where training never put one</source>
        <translation>¿Qué clave, A o B, se esconde entre distractores? En prueba, las claves pueden estar donde el entrenamiento nunca puso una</translation>
    </message>
    <message>
        <source>Predict the next character of a text file you pick</source>
        <translation>Predecir el siguiente carácter de un archivo de texto que eliges</translation>
    </message>
    <message>
        <source>Predict the next character of sentences from a small grammar (no file needed)</source>
        <translation>Predecir el siguiente carácter de frases de una gramática pequeña (sin archivo)</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <source>A function of x</source>
        <translation>Una función de x</translation>
    </message>
    <message>
        <source>Adding problem</source>
        <translation>Problema de la suma</translation>
    </message>
    <message>
        <source>Bumps and dips</source>
        <translation>Montes y valles</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>Curved boundary</source>
        <translation>Frontera curva</translation>
    </message>
    <message>
        <source>Digits (8×8)</source>
        <translation>Dígitos (8×8)</translation>
    </message>
    <message>
        <source>Disc in a ring</source>
        <translation>Disco dentro de un anillo</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Gaussian clusters</source>
        <translation>Grupos gaussianos</translation>
    </message>
    <message>
        <source>Gaussian vectors</source>
        <translation>Vectores gaussianos</translation>
    </message>
    <message>
        <source>Grammar sentences</source>
        <translation>Frases de una gramática</translation>
    </message>
    <message>
        <source>Key position</source>
        <translation>Posición de la clave</translation>
    </message>
    <message>
        <source>Logic gate</source>
        <translation>Puerta lógica</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>Noisy sine</source>
        <translation>Seno con ruido</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>Paridad</translation>
    </message>
    <message>
        <source>Photograph patches</source>
        <translation>Trozos de fotografías</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>Espiral</translation>
    </message>
    <message>
        <source>Tilted plane</source>
        <translation>Plano inclinado</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>Dos lunas</translation>
    </message>
    <message>
        <source>XOR quadrants</source>
        <translation>Cuadrantes XOR</translation>
    </message>
    <message>
        <source>Your images</source>
        <translation>Tus imágenes</translation>
    </message>
    <message>
        <source>Your points</source>
        <translation>Tus puntos</translation>
    </message>
    <message>
        <source>Your table (CSV)</source>
        <translation>Tu tabla (CSV)</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Tu texto</translation>
    </message>
    <message>
        <source>{0} is not in the download cache ({1}) yet: download it with &apos;python main.py download {0}&apos; or from the dataset panel, or choose the folder that holds its files</source>
        <translation>{0} aún no está en la caché de descargas ({1}): descárgalo con &apos;python main.py download {0}&apos; o desde el panel de datos, o elige la carpeta que tiene sus archivos</translation>
    </message>
    <message>
        <source>{0} points so far: click on the plane to add at least 4</source>
        <translation>{0} puntos por ahora: haz clic en el plano para añadir al menos 4</translation>
    </message>
    <message>
        <source>choose a file for this dataset</source>
        <translation>elige un archivo para estos datos</translation>
    </message>
    <message>
        <source>choose a folder for this dataset</source>
        <translation>elige una carpeta para estos datos</translation>
    </message>
    <message>
        <source>That stroke is (almost) vertical. A function has one y for each x: drag across the plot, from left to right, over at least a tenth of its width.</source>
        <translation>Ese trazo es (casi) vertical. Una función tiene una y para cada x: arrastra sobre el gráfico, de izquierda a derecha, por al menos una décima parte de su anchura.</translation>
    </message>
    <message>
        <source>A single point is not a curve: hold the button down and drag across the plot.</source>
        <translation>Un solo punto no es una curva: mantén pulsado el botón y arrastra sobre el gráfico.</translation>
    </message>
    <message>
        <source>Nothing drawn yet: in the Approximation view press &apos;Draw your own&apos;, then drag across the plot.</source>
        <translation>Aún no hay nada dibujado: en la vista Aproximación pulsa «Dibuja la tuya» y arrastra sobre el gráfico.</translation>
    </message>
    <message>
        <source>the drawing must be a JSON list of [x, y] pairs</source>
        <translation>el dibujo debe ser una lista JSON de pares [x, y]</translation>
    </message>
    <message>
        <source>every point of the drawing needs finite x and y</source>
        <translation>cada punto del dibujo necesita x e y finitas</translation>
    </message>
    <message>
        <source>the drawing&apos;s x values must increase from one point to the next</source>
        <translation>los valores de x del dibujo deben crecer de un punto al siguiente</translation>
    </message>
</context>
<context>
    <name>gates</name>
    <message>
        <source>slope act′(a_t)</source>
        <translation>pendiente act′(a_t)</translation>
    </message>
    <message>
        <source>reset gate r</source>
        <translation>puerta de reinicio r</translation>
    </message>
    <message>
        <source>update gate z</source>
        <translation>puerta de actualización z</translation>
    </message>
    <message>
        <source>candidate n</source>
        <translation>candidato n</translation>
    </message>
    <message>
        <source>input gate i</source>
        <translation>puerta de entrada i</translation>
    </message>
    <message>
        <source>forget gate f</source>
        <translation>puerta de olvido f</translation>
    </message>
    <message>
        <source>candidate g</source>
        <translation>candidato g</translation>
    </message>
    <message>
        <source>output gate o</source>
        <translation>puerta de salida o</translation>
    </message>
    <message>
        <source>cell state c</source>
        <translation>estado de la celda c</translation>
    </message>
</context>
<context>
    <name>graph</name>
    <message>
        <source>no path from Input to Output</source>
        <translation>no hay camino de Input a Output</translation>
    </message>
    <message>
        <source>connect the layers between them with wires</source>
        <translation>conecta con cables las capas que hay entre ellas</translation>
    </message>
    <message>
        <source>drag an {0} layer onto the canvas</source>
        <translation>arrastra una capa {0} al lienzo</translation>
    </message>
    <message>
        <source>the network has no {0}</source>
        <translation>la red no tiene {0}</translation>
    </message>
    <message>
        <source>the network has {0} {1} nodes ({2}); it needs exactly one</source>
        <translation>la red tiene {0} nodos {1} ({2}); necesita exactamente uno</translation>
    </message>
    <message>
        <source>delete all but one {0}</source>
        <translation>borra todos los {0} menos uno</translation>
    </message>
    <message>
        <source>the graph has a cycle through {0}</source>
        <translation>el grafo tiene un ciclo que pasa por {0}</translation>
    </message>
    <message>
        <source>remove one of these wires</source>
        <translation>quita uno de estos cables</translation>
    </message>
    <message>
        <source>{0} has nothing connected to input {1}</source>
        <translation>{0} no tiene nada conectado a la entrada {1}</translation>
    </message>
    <message>
        <source>{0} has nothing connected to its input</source>
        <translation>{0} no tiene nada conectado a su entrada</translation>
    </message>
    <message>
        <source>drag a wire into it from an earlier layer</source>
        <translation>arrastra un cable hasta ella desde una capa anterior</translation>
    </message>
    <message>
        <source>{0} would produce {1:,} values per sample</source>
        <translation>{0} produciría {1} valores por muestra</translation>
    </message>
    <message>
        <source>use fewer units, channels or a larger stride</source>
        <translation>usa menos unidades o canales, o una zancada mayor</translation>
    </message>
</context>
<context>
    <name>kernels</name>
    <message>
        <source>identity</source>
        <translation>identidad</translation>
    </message>
    <message>
        <source>box blur</source>
        <translation>desenfoque de caja</translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation>Sobel x</translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation>Sobel y</translation>
    </message>
    <message>
        <source>Laplacian</source>
        <translation>laplaciano</translation>
    </message>
    <message>
        <source>Gabor</source>
        <translation>Gabor</translation>
    </message>
    <message>
        <source>copies the input: a single 1 in the centre</source>
        <translation>copia la entrada: un único 1 en el centro</translation>
    </message>
    <message>
        <source>the mean of the 3×3 neighbourhood</source>
        <translation>la media del entorno de 3×3</translation>
    </message>
    <message>
        <source>brightness rising to the right (a vertical edge)</source>
        <translation>brillo que sube hacia la derecha (un borde vertical)</translation>
    </message>
    <message>
        <source>brightness rising downwards (a horizontal edge)</source>
        <translation>brillo que sube hacia abajo (un borde horizontal)</translation>
    </message>
    <message>
        <source>a pixel against its four neighbours: spots and outlines</source>
        <translation>un píxel frente a sus cuatro vecinos: manchas y contornos</translation>
    </message>
    <message>
        <source>a tilted bar: the Gabor explorer&apos;s function on a 5×5 grid</source>
        <translation>una barra inclinada: la función del explorador de Gabor en una cuadrícula de 5×5</translation>
    </message>
</context>
<context>
    <name>layer groups</name>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Densas</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Convolución</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>Agrupación</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activaciones</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>Regularización</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>Recurrentes</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Combinación</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
</context>
<context>
    <name>layer help</name>
    <message>
        <source>Feeds the network chosen functions of a point&apos;s coordinates (x², y², xy, sin x…) instead of x and y</source>
        <translation>Da a la red funciones elegidas de las coordenadas de un punto (x², y², xy, sen x…) en lugar de x e y</translation>
    </message>
    <message>
        <source>Where the data enters; its shape comes from the dataset</source>
        <translation>Por donde entran los datos; su forma viene de los datos elegidos</translation>
    </message>
    <message>
        <source>Fully connected: every output sees every input</source>
        <translation>Totalmente conectada: cada salida ve todas las entradas</translation>
    </message>
    <message>
        <source>Slides a set of learned filters along a sequence</source>
        <translation>Desliza un conjunto de filtros aprendidos a lo largo de una secuencia</translation>
    </message>
    <message>
        <source>Slides a set of learned filters over an image</source>
        <translation>Desliza un conjunto de filtros aprendidos sobre una imagen</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window</source>
        <translation>Conserva el valor más grande de cada ventana</translation>
    </message>
    <message>
        <source>Averages the values in each window</source>
        <translation>Promedia los valores de cada ventana</translation>
    </message>
    <message>
        <source>Keeps each channel&apos;s largest value over all positions: where a filter fired no longer matters</source>
        <translation>Guarda el mayor valor de cada canal sobre todas las posiciones: ya no importa dónde se activó un filtro</translation>
    </message>
    <message>
        <source>Swaps a sequence&apos;s two sizes: steps × features becomes features × steps, so filters can slide along the steps</source>
        <translation>Intercambia los dos tamaños de una secuencia: pasos × características pasa a características × pasos, para que los filtros puedan deslizarse por los pasos</translation>
    </message>
    <message>
        <source>Lays all values of a sample out in one row</source>
        <translation>Pone todos los valores de una muestra en una fila</translation>
    </message>
    <message>
        <source>Arranges the values of a sample in a new shape (one size may be -1)</source>
        <translation>Dispone los valores de una muestra con una forma nueva (un tamaño puede ser -1)</translation>
    </message>
    <message>
        <source>Squashes to (0, 1); saturates for large inputs</source>
        <translation>Aplasta a (0, 1); se satura con entradas grandes</translation>
    </message>
    <message>
        <source>Squashes to (-1, 1); zero-centred</source>
        <translation>Aplasta a (-1, 1); centrada en cero</translation>
    </message>
    <message>
        <source>Keeps positives, zeroes negatives</source>
        <translation>Conserva los positivos y anula los negativos</translation>
    </message>
    <message>
        <source>Like ReLU but lets a small slope through for negatives</source>
        <translation>Como ReLU pero deja pasar una pendiente pequeña para los negativos</translation>
    </message>
    <message>
        <source>Smooth ReLU that tends to -alpha for negatives</source>
        <translation>ReLU suave que tiende a -alfa para los negativos</translation>
    </message>
    <message>
        <source>Smooth ReLU weighted by the Gaussian CDF</source>
        <translation>ReLU suave ponderada por la función de distribución gaussiana</translation>
    </message>
    <message>
        <source>While training, adds Gaussian noise of standard deviation std to every value; passes values unchanged at test time (the corruption of a denoising autoencoder)</source>
        <translation>Durante el entrenamiento suma ruido gaussiano de desviación típica std a cada valor; en prueba deja pasar los valores sin cambios (la corrupción de un autocodificador con eliminación de ruido)</translation>
    </message>
    <message>
        <source>Heaviside step: 1 if positive, else 0 (trains with a straight-through gradient)</source>
        <translation>Escalón de Heaviside: 1 si es positivo, si no 0 (se entrena con un gradiente directo, straight-through)</translation>
    </message>
    <message>
        <source>Turns scores into probabilities that sum to 1 over the first dimension</source>
        <translation>Convierte puntuaciones en probabilidades que suman 1 en la primera dimensión</translation>
    </message>
    <message>
        <source>Zeroes a random share of values while training</source>
        <translation>Anula una parte aleatoria de los valores durante el entrenamiento</translation>
    </message>
    <message>
        <source>While training, pushes the values passing through towards zero (an L1 penalty on them), so few are active at once: the code of a sparse autoencoder</source>
        <translation>Durante el entrenamiento empuja hacia cero los valores que pasan (una penalización L1 sobre ellos), para que pocos estén activos a la vez: el código de un autocodificador disperso</translation>
    </message>
    <message>
        <source>Normalises each feature or channel over the batch (1d or 2d by input)</source>
        <translation>Normaliza cada característica o canal sobre el lote (1d o 2d según la entrada)</translation>
    </message>
    <message>
        <source>Simple recurrent layer: the state is fed back at every step</source>
        <translation>Capa recurrente simple: el estado se realimenta en cada paso</translation>
    </message>
    <message>
        <source>Gated recurrent unit: gates decide what to keep</source>
        <translation>Unidad recurrente con puertas: las puertas deciden qué conservar</translation>
    </message>
    <message>
        <source>Long short-term memory: a cell state carries information far</source>
        <translation>Memoria a corto y largo plazo: un estado de celda lleva la información lejos</translation>
    </message>
    <message>
        <source>Adds its inputs element by element (skip connections)</source>
        <translation>Suma sus entradas elemento a elemento (conexiones residuales)</translation>
    </message>
    <message>
        <source>Joins its inputs along the first dimension</source>
        <translation>Une sus entradas a lo largo de la primera dimensión</translation>
    </message>
    <message>
        <source>Where the prediction leaves; names the loss to minimise</source>
        <translation>Por donde sale la predicción; nombra la pérdida que se minimiza</translation>
    </message>
</context>
<context>
    <name>layer summary</name>
    <message>
        <source>cross-entropy loss</source>
        <translation>entropía cruzada</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>error cuadrático medio</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>entropía cruzada bin.</translation>
    </message>
    <message>
        <source>{0} filters {1}</source>
        <translation>{0} filtros {1}</translation>
    </message>
    <message>
        <source>, stride {0}</source>
        <translation>, zancada {0}</translation>
    </message>
    <message>
        <source>, {0} groups</source>
        <translation>, {0} grupos</translation>
    </message>
    <message>
        <source>last step</source>
        <translation>último paso</translation>
    </message>
    <message>
        <source>all steps</source>
        <translation>todos los pasos</translation>
    </message>
    <message>
        <source>{0} units, {1}</source>
        <translation>{0} unidades, {1}</translation>
    </message>
    <message>
        <source>shape {0}</source>
        <translation>forma {0}</translation>
    </message>
    <message>
        <source>{0} units</source>
        <translation>{0} unidades</translation>
    </message>
    <message>
        <source>{0} unit</source>
        <translation>{0} unidad</translation>
    </message>
    <message>
        <source>{0} unit, {1}</source>
        <translation>{0} unidad, {1}</translation>
    </message>
    <message>
        <source>{0} filter {1}</source>
        <translation>{0} filtro {1}</translation>
    </message>
    <message>
        <source>{0}×{0} window</source>
        <translation>ventana {0}×{0}</translation>
    </message>
    <message>
        <source>to {0}</source>
        <translation>a {0}</translation>
    </message>
    <message>
        <source>slope {0}</source>
        <translation>pendiente {0}</translation>
    </message>
    <message>
        <source>alpha {0}</source>
        <translation>alfa {0}</translation>
    </message>
    <message>
        <source>drops {0}%</source>
        <translation>apaga el {0} %</translation>
    </message>
    <message>
        <source>noise σ = {0}</source>
        <translation>ruido σ = {0}</translation>
    </message>
    <message>
        <source>L1 weight {0}</source>
        <translation>peso L1 {0}</translation>
    </message>
    <message>
        <source>{0} inputs</source>
        <translation>{0} entradas</translation>
    </message>
</context>
<context>
    <name>metrics</name>
    <message>
        <source>test accuracy</source>
        <translation>precisión de prueba</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>precisión de entrenamiento</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>pérdida de prueba</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>pérdida de entrenamiento</translation>
    </message>
</context>
<context>
    <name>optlab</name>
    <message>
        <source>Rosenbrock</source>
        <translation>Rosenbrock</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Beale</translation>
    </message>
    <message>
        <source>Himmelblau</source>
        <translation>Himmelblau</translation>
    </message>
    <message>
        <source>Saddle x² − y²</source>
        <translation>Silla x² − y²</translation>
    </message>
    <message>
        <source>Rastrigin</source>
        <translation>Rastrigin</translation>
    </message>
    <message>
        <source>Cliff</source>
        <translation>Acantilado</translation>
    </message>
    <message>
        <source>Quadratic bowl, condition {0}</source>
        <translation>Cuenco cuadrático, condición {0}</translation>
    </message>
    <message>
        <source>Quadratic bowl</source>
        <translation>Cuenco cuadrático</translation>
    </message>
    <message>
        <source>clip {0}</source>
        <translation>recorte {0}</translation>
    </message>
    <message>
        <source>lr to 1% by step {0}</source>
        <translation>tasa al 1 % en el paso {0}</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>divergió en el paso {0}</translation>
    </message>
    <message>
        <source>left the map at step {0}</source>
        <translation>salió del mapa en el paso {0}</translation>
    </message>
    <message>
        <source>Hessian diag(1, κ): a ravine κ times steeper across than along.</source>
        <translation>Hessiana diag(1, κ): un barranco κ veces más empinado de través que a lo largo.</translation>
    </message>
    <message>
        <source>A curved, flat-bottomed valley: easy to find, slow to follow.</source>
        <translation>Un valle curvo de fondo plano: fácil de encontrar, lento de recorrer.</translation>
    </message>
    <message>
        <source>Flat plains and sharp ridges: gradients differ by orders of magnitude.</source>
        <translation>Llanuras planas y crestas afiladas: los gradientes difieren en órdenes de magnitud.</translation>
    </message>
    <message>
        <source>Four equal minima: which one a racer finds depends on its path. The start lies beside a local maximum, and Newton&apos;s method, which seeks any point of zero gradient, climbs onto it.</source>
        <translation>Cuatro mínimos iguales: cuál encuentra un corredor depende de su camino. La salida está junto a un máximo local, y el método de Newton, que busca cualquier punto de gradiente cero, sube hasta él.</translation>
    </message>
    <message>
        <source>No minimum at all: (0, 0) is a saddle, and the surface falls away along y forever.</source>
        <translation>Ningún mínimo: (0, 0) es un punto de silla, y la superficie cae a lo largo de y para siempre.</translation>
    </message>
    <message>
        <source>A bowl covered in local minima: gradient methods stop in the nearest one.</source>
        <translation>Un cuenco cubierto de mínimos locales: los métodos de gradiente se paran en el más cercano.</translation>
    </message>
    <message>
        <source>A plateau that ends in a wall: on the wall the gradient is huge, and one step flies far.</source>
        <translation>Una meseta que acaba en una pared: en la pared el gradiente es enorme, y un paso sale volando lejos.</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>Conjugate gradient</source>
        <translation>Gradiente conjugado</translation>
    </message>
    <message>
        <source>plain gradient descent: θ ← θ − lr·g</source>
        <translation>descenso del gradiente simple: θ ← θ − lr·g</translation>
    </message>
    <message>
        <source>heavy ball: v ← αv + g, θ ← θ − lr·v</source>
        <translation>bola pesada: v ← αv + g, θ ← θ − lr·v</translation>
    </message>
    <message>
        <source>momentum with the gradient taken where the velocity leads</source>
        <translation>momento con el gradiente tomado adonde lleva la velocidad</translation>
    </message>
    <message>
        <source>divides by the root of all past squared gradients: rates only shrink</source>
        <translation>divide por la raíz de todos los gradientes pasados al cuadrado: las tasas solo bajan</translation>
    </message>
    <message>
        <source>divides by a running root mean square of the gradient: rates recover</source>
        <translation>divide por una media cuadrática móvil del gradiente: las tasas se recuperan</translation>
    </message>
    <message>
        <source>momentum and RMSProp, debiased</source>
        <translation>momento y RMSProp, sin sesgo</translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay (pulls θ towards 0)</source>
        <translation>Adam con decaimiento de pesos desacoplado (lleva θ hacia 0)</translation>
    </message>
    <message>
        <source>quasi-Newton: H⁻¹ estimated from recent gradients</source>
        <translation>cuasi-Newton: H⁻¹ estimada a partir de los gradientes recientes</translation>
    </message>
    <message>
        <source>θ ← θ − H⁻¹g: jumps to the critical point of the local quadratic</source>
        <translation>θ ← θ − H⁻¹g: salta al punto crítico de la cuadrática local</translation>
    </message>
    <message>
        <source>nonlinear conjugate gradients with a line search; the lr scale does not apply</source>
        <translation>gradientes conjugados no lineales con búsqueda lineal; la escala de la tasa no se aplica</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>L2 penalty added to the gradient</source>
        <translation>penalización L2 sumada al gradiente</translation>
    </message>
    <message>
        <source>α: share of the last step kept</source>
        <translation>α: parte del último paso que se conserva</translation>
    </message>
    <message>
        <source>added to the denominator</source>
        <translation>sumado al denominador</translation>
    </message>
    <message>
        <source>ρ: decay of the squared gradient&apos;s mean</source>
        <translation>ρ: decaimiento de la media del gradiente al cuadrado</translation>
    </message>
    <message>
        <source>decay of the gradient&apos;s running mean (momentum)</source>
        <translation>decaimiento de la media móvil del gradiente (momento)</translation>
    </message>
    <message>
        <source>decay of the squared gradient&apos;s running mean</source>
        <translation>decaimiento de la media móvil del gradiente al cuadrado</translation>
    </message>
    <message>
        <source>decay applied to θ itself</source>
        <translation>decaimiento aplicado al propio θ</translation>
    </message>
    <message>
        <source>step scale</source>
        <translation>escala del paso</translation>
    </message>
    <message>
        <source>iterations per step</source>
        <translation>iteraciones por paso</translation>
    </message>
    <message>
        <source>function evaluations per step (line search included)</source>
        <translation>evaluaciones de la función por paso (búsqueda lineal incluida)</translation>
    </message>
    <message>
        <source>past steps kept to estimate H⁻¹</source>
        <translation>pasos anteriores guardados para estimar H⁻¹</translation>
    </message>
    <message>
        <source>how far to go along the direction: a strong Wolfe search, or none</source>
        <translation>hasta dónde avanzar en la dirección: una búsqueda de Wolfe fuerte, o ninguna</translation>
    </message>
    <message>
        <source>1 is the full Newton step</source>
        <translation>1 es el paso de Newton completo</translation>
    </message>
    <message>
        <source>a in (H + aI)⁻¹g: Levenberg–Marquardt</source>
        <translation>a en (H + aI)⁻¹g: Levenberg–Marquardt</translation>
    </message>
    <message>
        <source>how the last direction is mixed in</source>
        <translation>cómo se mezcla la dirección anterior</translation>
    </message>
    <message>
        <source>restart with the gradient every k steps (0: never)</source>
        <translation>reiniciar con el gradiente cada k pasos (0: nunca)</translation>
    </message>
    <message>
        <source>SGD at 1/λmax</source>
        <translation>SGD a 1/λmax</translation>
    </message>
    <message>
        <source>SGD just above 2/λmax</source>
        <translation>SGD justo por encima de 2/λmax</translation>
    </message>
    <message>
        <source>SGD just below 2/λmax</source>
        <translation>SGD justo por debajo de 2/λmax</translation>
    </message>
    <message>
        <source>SGD, clipped at 1</source>
        <translation>SGD, recortado a 1</translation>
    </message>
    <message>
        <source>SGD, unclipped</source>
        <translation>SGD, sin recorte</translation>
    </message>
    <message>
        <source>conjugate gradients</source>
        <translation>gradientes conjugados</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>descenso del gradiente</translation>
    </message>
    <message>
        <source>momentum 0.5</source>
        <translation>momento 0,5</translation>
    </message>
    <message>
        <source>momentum 0.9</source>
        <translation>momento 0,9</translation>
    </message>
    <message>
        <source>momentum 0.99</source>
        <translation>momento 0,99</translation>
    </message>
    <message>
        <source>steepest descent</source>
        <translation>descenso más pronunciado</translation>
    </message>
    <message>
        <source>SGD, constant 0.001</source>
        <translation>SGD, constante 0,001</translation>
    </message>
    <message>
        <source>SGD, constant 0.1</source>
        <translation>SGD, constante 0,1</translation>
    </message>
    <message>
        <source>SGD, 0.1 falling to 0.001</source>
        <translation>SGD, de 0,1 bajando a 0,001</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>decaimiento de pesos</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <source>max iter</source>
        <translation>máx. iter.</translation>
    </message>
    <message>
        <source>max eval</source>
        <translation>máx. eval.</translation>
    </message>
    <message>
        <source>history size</source>
        <translation>tamaño del historial</translation>
    </message>
    <message>
        <source>line search fn</source>
        <translation>búsqueda lineal</translation>
    </message>
    <message>
        <source>damping</source>
        <translation>amortiguación</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>reinicio</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>Lesson steps</source>
        <translation>Pasos de la lección</translation>
    </message>
    <message>
        <source>Next Lesson Step</source>
        <translation>Paso siguiente de la lección</translation>
    </message>
    <message>
        <source>Previous Lesson Step</source>
        <translation>Paso anterior de la lección</translation>
    </message>
    <message>
        <source>Your own</source>
        <translation>Tus lecciones</translation>
    </message>
    <message>
        <source>Record a Lesson (Step)</source>
        <translation>Grabar una lección (paso)</translation>
    </message>
    <message>
        <source>Start a lesson from what is shown now; each press records what changed since as a step</source>
        <translation>Empieza una lección con lo que se ve ahora; cada pulsación graba como paso lo que ha cambiado desde entonces</translation>
    </message>
    <message>
        <source>Finish Recording…</source>
        <translation>Terminar la grabación…</translation>
    </message>
    <message>
        <source>Cancel Recording</source>
        <translation>Cancelar la grabación</translation>
    </message>
</context>
<context>
    <name>params</name>
    <message>
        <source>affine</source>
        <translation>afín</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alfa</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>tamaño del lote</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>sesgo</translation>
    </message>
    <message>
        <source>binarise</source>
        <translation>binarizar</translation>
    </message>
    <message>
        <source>bumps</source>
        <translation>montes</translation>
    </message>
    <message>
        <source>canvas</source>
        <translation>lienzo</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>clases</translation>
    </message>
    <message>
        <source>clip norm</source>
        <translation>recorte de norma</translation>
    </message>
    <message>
        <source>clutter</source>
        <translation>distractores</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>color</translation>
    </message>
    <message>
        <source>curve</source>
        <translation>curvatura</translation>
    </message>
    <message>
        <source>device</source>
        <translation>dispositivo</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>dibujo</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>épocas</translation>
    </message>
    <message>
        <source>features</source>
        <translation>características</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>function</source>
        <translation>función</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>puerta</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>grupos</translation>
    </message>
    <message>
        <source>hidden size</source>
        <translation>tamaño oculto</translation>
    </message>
    <message>
        <source>init</source>
        <translation>inicialización</translation>
    </message>
    <message>
        <source>init scale</source>
        <translation>escala inicial</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>entradas</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>tamaño del núcleo</translation>
    </message>
    <message>
        <source>l1</source>
        <translation>l1</translation>
    </message>
    <message>
        <source>l2</source>
        <translation>l2</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>max per class</source>
        <translation>máx. por clase</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>dígitos</translation>
    </message>
    <message>
        <source>per class</source>
        <translation>por clase</translation>
    </message>
    <message>
        <source>max train</source>
        <translation>máx. entrenamiento</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <source>n samples</source>
        <translation>n.º de muestras</translation>
    </message>
    <message>
        <source>names</source>
        <translation>nombres</translation>
    </message>
    <message>
        <source>negative slope</source>
        <translation>pendiente negativa</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>ruido</translation>
    </message>
    <message>
        <source>nonlinearity</source>
        <translation>no linealidad</translation>
    </message>
    <message>
        <source>num layers</source>
        <translation>n.º de capas</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>optimizador</translation>
    </message>
    <message>
        <source>out channels</source>
        <translation>canales de salida</translation>
    </message>
    <message>
        <source>out features</source>
        <translation>unidades de salida</translation>
    </message>
    <message>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>relleno</translation>
    </message>
    <message>
        <source>permute</source>
        <translation>permutar</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>calendario</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>sentences</source>
        <translation>frases</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>forma</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>desplazar</translation>
    </message>
    <message>
        <source>shift down</source>
        <translation>desplazar hacia abajo</translation>
    </message>
    <message>
        <source>shift right</source>
        <translation>desplazar a la derecha</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>step epochs</source>
        <translation>épocas por escalón</translation>
    </message>
    <message>
        <source>step gamma</source>
        <translation>factor del escalón</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>zancada</translation>
    </message>
    <message>
        <source>task</source>
        <translation>tarea</translation>
    </message>
    <message>
        <source>test ratio</source>
        <translation>proporción de prueba</translation>
    </message>
    <message>
        <source>turns</source>
        <translation>vueltas</translation>
    </message>
    <message>
        <source>unseen</source>
        <translation>sin ver</translation>
    </message>
    <message>
        <source>upsample</source>
        <translation>ampliar</translation>
    </message>
    <message>
        <source>warmup epochs</source>
        <translation>épocas de calentamiento</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>peso</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>decaimiento de pesos</translation>
    </message>
    <message>
        <source>whiten</source>
        <translation>blanquear</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>x squared</source>
        <translation>x al cuadrado</translation>
    </message>
    <message>
        <source>x times y</source>
        <translation>x por y</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>y squared</source>
        <translation>y al cuadrado</translation>
    </message>
    <message>
        <source>target</source>
        <translation>objetivo</translation>
    </message>
    <message>
        <source>std</source>
        <translation>desv. típica</translation>
    </message>
    <message>
        <source>sin x</source>
        <translation>sen x</translation>
    </message>
    <message>
        <source>sin y</source>
        <translation>sen y</translation>
    </message>
</context>
<context>
    <name>probes</name>
    <message>
        <source>this network has no activation, Linear or convolution layer to look at</source>
        <translation>esta red no tiene ninguna capa de activación, Linear o de convolución que mirar</translation>
    </message>
    <message>
        <source>the network has no unit ({0}, {1}, {2}) in &apos;{3}&apos; any more</source>
        <translation>la red ya no tiene la unidad ({0}, {1}, {2}) en &apos;{3}&apos;</translation>
    </message>
    <message>
        <source>feature maps need image inputs (channels × height × width)</source>
        <translation>los mapas de características necesitan entradas de imagen (canales × alto × ancho)</translation>
    </message>
    <message>
        <source>this network has no Conv2d or pooling layer, so there are no feature maps to show</source>
        <translation>esta red no tiene ninguna capa Conv2d ni de pooling, así que no hay mapas de características que mostrar</translation>
    </message>
    <message>
        <source>there is no test sample {0}: the test set has {1}</source>
        <translation>no hay muestra de prueba {0}: el conjunto de prueba tiene {1}</translation>
    </message>
    <message>
        <source>a shift of ({0}, {1}) moves the whole {2}×{3} image out of view</source>
        <translation>un desplazamiento de ({0}, {1}) saca de la vista toda la imagen de {2}×{3}</translation>
    </message>
    <message>
        <source>this view fits one number from one number: choose the dataset &apos;A function of x&apos; (1-D regression) and a network with a single output</source>
        <translation>esta vista ajusta un número a partir de otro: elige el conjunto de datos «Una función de x» (regresión 1-D) y una red con una sola salida</translation>
    </message>
    <message>
        <source>the inspector follows a chain of layers; &apos;{0}&apos; merges branches</source>
        <translation>el inspector sigue una cadena de capas; &apos;{0}&apos; une ramas</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has {1} values; the inspector spells out networks of at most {2} units per layer (the perceptron and the small lessons)</source>
        <translation>&apos;{0}&apos; tiene {1} valores; el inspector detalla redes de como mucho {2} unidades por capa (el perceptrón y las lecciones pequeñas)</translation>
    </message>
    <message>
        <source>the dataset has no training samples</source>
        <translation>el conjunto de datos no tiene muestras de entrenamiento</translation>
    </message>
    <message>
        <source>the inspector cannot spell out a {0} layer (&apos;{1}&apos;)</source>
        <translation>el inspector no sabe detallar una capa {0} (&apos;{1}&apos;)</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; ({1}) mixes its units: the inspector follows element-wise activations</source>
        <translation>&apos;{0}&apos; ({1}) mezcla sus unidades: el inspector sigue activaciones elemento a elemento</translation>
    </message>
    <message>
        <source>the confusion matrix needs a classification dataset; this one has values to predict</source>
        <translation>la matriz de confusión necesita un conjunto de datos de clasificación; este tiene valores que predecir</translation>
    </message>
    <message>
        <source>the dataset has no test samples: raise its test share to see the confusion matrix</source>
        <translation>el conjunto de datos no tiene muestras de prueba: sube su proporción de prueba para ver la matriz de confusión</translation>
    </message>
    <message>
        <source>this network has no Dropout layer: add one after a hidden layer to see what it drops</source>
        <translation>esta red no tiene ninguna capa Dropout: añade una tras una capa oculta para ver qué apaga</translation>
    </message>
    <message>
        <source>this network has no convolution layer: add a Conv2d layer after an image input to see its filters</source>
        <translation>esta red no tiene ninguna capa de convolución: añade una capa Conv2d tras una entrada de imagen para ver sus filtros</translation>
    </message>
    <message>
        <source>space folding needs 2-D inputs (points of a plane), but this dataset&apos;s samples are {0}; the Hidden layer view shows any layer of any network</source>
        <translation>el plegado del espacio necesita entradas 2-D (puntos de un plano), pero las muestras de este conjunto de datos son {0}; la vista Capa oculta muestra cualquier capa de cualquier red</translation>
    </message>
    <message>
        <source>the output of {0} is not a single array of values, so it cannot be drawn</source>
        <translation>la salida de {0} no es un único vector de valores, así que no se puede dibujar</translation>
    </message>
    <message>
        <source>this network has no layers between its input and its output</source>
        <translation>esta red no tiene capas entre su entrada y su salida</translation>
    </message>
    <message>
        <source>there is no layer called &apos;{0}&apos; in this network</source>
        <translation>no hay ninguna capa llamada &apos;{0}&apos; en esta red</translation>
    </message>
    <message>
        <source>there are no samples to draw</source>
        <translation>no hay muestras que dibujar</translation>
    </message>
    <message>
        <source>a Gabor is fitted to a 2-D kernel, not an array of shape {0}</source>
        <translation>un Gabor se ajusta a un kernel 2-D, no a un array de forma {0}</translation>
    </message>
    <message>
        <source>a {0}×{1} kernel has fewer pixels than a Gabor has parameters: it needs at least 3×3</source>
        <translation>un kernel de {0}×{1} tiene menos píxeles que parámetros un Gabor: hace falta al menos 3×3</translation>
    </message>
    <message>
        <source>generating is for a next-value model on the noisy-sine dataset or a next-character model on a text; this one trains on &apos;{0}&apos;</source>
        <translation>generar es para un modelo del valor siguiente en el conjunto «Seno con ruido» o del carácter siguiente en un texto; este se entrena con &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>generating needs a network that reads a window of single values and predicts one</source>
        <translation>generar necesita una red que lea una ventana de valores sueltos y prediga uno</translation>
    </message>
    <message>
        <source>generating text needs a network that reads windows of one-hot characters ({0} of them) and scores each of the {0} characters</source>
        <translation>generar texto necesita una red que lea ventanas de caracteres one-hot ({0} posibles) y puntúe cada uno de los {0} caracteres</translation>
    </message>
    <message>
        <source>sampling reads the network&apos;s outputs as logits: train it with the cross-entropy loss</source>
        <translation>el muestreo lee las salidas de la red como logits: entrénala con la pérdida de entropía cruzada</translation>
    </message>
    <message>
        <source>this network has no trainable parameters, so nothing learns</source>
        <translation>esta red no tiene parámetros entrenables, así que nada aprende</translation>
    </message>
    <message>
        <source>the network has {0} weights; the full Hessian is computed for at most {1} (a small network such as the perceptron, the 2-2-1 lessons or the spiral MLP)</source>
        <translation>la red tiene {0} pesos; la hessiana completa se calcula para {1} como mucho (una red pequeña como el perceptrón, las lecciones 2-2-1 o el MLP de la espiral)</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has no slope and so no curvature: the Hessian needs smooth layers</source>
        <translation>&apos;{0}&apos; no tiene pendiente y por tanto tampoco curvatura: la hessiana necesita capas suaves</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a layer of this network</source>
        <translation>&apos;{0}&apos; no es una capa de esta red</translation>
    </message>
    <message>
        <source>{0} has {1} units: choose one from 0 to {2}, or all</source>
        <translation>{0} tiene {1} unidades: elige una de 0 a {2}, o todas</translation>
    </message>
    <message>
        <source>the input plane needs 2-D inputs (points of a plane)</source>
        <translation>el plano de entrada necesita entradas 2-D (puntos de un plano)</translation>
    </message>
    <message>
        <source>the decision boundary needs 2-D inputs (points of a plane)</source>
        <translation>la frontera de decisión necesita entradas 2-D (puntos de un plano)</translation>
    </message>
    <message>
        <source>the neuron view needs 2-D inputs (points of a plane)</source>
        <translation>la vista de neuronas necesita entradas 2-D (puntos de un plano)</translation>
    </message>
    <message>
        <source>accuracy by position is for the key-position dataset (a key among distractors); this network trains on &apos;{0}&apos;</source>
        <translation>la precisión por posición es para el conjunto «Posición de la clave» (una clave entre distractores); esta red se entrena con &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>this network has no RNN, GRU or LSTM layer to unroll</source>
        <translation>esta red no tiene ninguna capa RNN, GRU o LSTM que desplegar</translation>
    </message>
    <message>
        <source>this network has no Linear layer and no recurrent one: the Weights view draws their weights (the Filters view shows convolution kernels)</source>
        <translation>esta red no tiene capas Linear ni recurrentes: la vista Pesos dibuja sus pesos (la vista Filtros muestra los kernels de convolución)</translation>
    </message>
    <message>
        <source>there is no Linear layer called &apos;{0}&apos; (the network has {1})</source>
        <translation>no hay ninguna capa Linear llamada &apos;{0}&apos; (la red tiene {1})</translation>
    </message>
    <message>
        <source>the Neurons view draws a chain of layers; &apos;{0}&apos; merges branches</source>
        <translation>la vista Neuronas dibuja una cadena de capas; &apos;{0}&apos; une ramas</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has {1} units; the Neurons view draws networks of at most {2} units per layer (the perceptron and the small lessons): the Weights view shows larger ones</source>
        <translation>&apos;{0}&apos; tiene {1} unidades; la vista Neuronas dibuja redes de como mucho {2} unidades por capa (el perceptrón y las lecciones pequeñas): la vista Pesos muestra las mayores</translation>
    </message>
    <message>
        <source>the Neurons view draws dense layers and element-wise activations; &apos;{0}&apos; is a {1} layer</source>
        <translation>la vista Neuronas dibuja capas densas y activaciones unidad a unidad; &apos;{0}&apos; es una capa {1}</translation>
    </message>
    <message>
        <source>this view shows reconstructions: the network outputs {0} values per sample but its input has {1}; choose the target &apos;input&apos; in the dataset settings and make the last layer as wide as the input</source>
        <translation>esta vista muestra reconstrucciones: la red da {0} valores por muestra pero su entrada tiene {1}; elige el objetivo «entrada» en los ajustes de los datos y haz la última capa tan ancha como la entrada</translation>
    </message>
</context>
<context>
    <name>project</name>
    <message>
        <source>{0} is too large ({1} MB; a project is at most {2} MB)</source>
        <translation>{0} es demasiado grande ({1} MB; un proyecto ocupa como mucho {2} MB)</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <translation>no se puede leer {0}: {1}</translation>
    </message>
    <message>
        <source>this is not a project file: it is not UTF-8 text</source>
        <translation>esto no es un archivo de proyecto: no es texto UTF-8</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>the file is not valid JSON (line {0}, column {1}: {2}); it may be truncated or damaged</source>
        <translation>el archivo no es JSON válido (línea {0}, columna {1}: {2}); puede estar cortado o dañado</translation>
    </message>
    <message>
        <source>this is not a project file: the top level must be an object</source>
        <translation>esto no es un archivo de proyecto: el nivel superior debe ser un objeto</translation>
    </message>
    <message>
        <source>this is not a Neurona project (its &quot;format&quot; must be &quot;{0}&quot;)</source>
        <translation>esto no es un proyecto de Neurona (su &quot;format&quot; debe ser &quot;{0}&quot;)</translation>
    </message>
    <message>
        <source>this project was saved by a newer Neurona (format version {0}; this one reads up to {1}): update Neurona to open it</source>
        <translation>este proyecto lo guardó un Neurona más nuevo (versión de formato {0}; este lee hasta la {1}): actualiza Neurona para abrirlo</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <source>the model has no layer &apos;{0}&apos;</source>
        <translation>el modelo no tiene ninguna capa &apos;{0}&apos;</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has no {1}</source>
        <translation>&apos;{0}&apos; no tiene {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has no {1} at {2}</source>
        <translation>&apos;{0}&apos; no tiene {1} en {2}</translation>
    </message>
    <message>
        <source>a weight must be a finite number</source>
        <translation>un peso debe ser un número finito</translation>
    </message>
    <message>
        <source>the layers are being pretrained: set a weight once it has ended</source>
        <translation>las capas se están preentrenando: fija un peso cuando termine</translation>
    </message>
</context>
<context>
    <name>run changes</name>
    <message>
        <source>first run</source>
        <translation>primera ejecución</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>mismos ajustes</translation>
    </message>
    <message>
        <source>on</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <source>dataset {0} → {1}</source>
        <translation>datos {0} → {1}</translation>
    </message>
    <message>
        <source>dataset {0} {1} → {2}</source>
        <translation>datos {0} {1} → {2}</translation>
    </message>
    <message>
        <source>other points</source>
        <translation>otros puntos</translation>
    </message>
    <message>
        <source>another drawing</source>
        <translation>otro dibujo</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>congelada</translation>
    </message>
    <message>
        <source>unfrozen</source>
        <translation>descongelada</translation>
    </message>
    <message>
        <source>{0} → {1} hidden layer</source>
        <translation>{0} → {1} capa oculta</translation>
    </message>
    <message>
        <source>{0} → {1} hidden layers</source>
        <translation>{0} → {1} capas ocultas</translation>
    </message>
    <message>
        <source>rewired</source>
        <translation>reconectada</translation>
    </message>
    <message>
        <source> ({0} layers)</source>
        <translation> ({0} capas)</translation>
    </message>
</context>
<context>
    <name>runs</name>
    <message>
        <source>Run {0}</source>
        <translation>Ejecución {0}</translation>
    </message>
</context>
<context>
    <name>shapes</name>
    <message>
        <source>expects {0} but receives {1}</source>
        <translation>espera {0} pero recibe {1}</translation>
    </message>
    <message>
        <source>has a kernel of {0} but its input is only {1} wide</source>
        <translation>tiene un núcleo de {0} pero su entrada solo mide {1}</translation>
    </message>
    <message>
        <source>has a window of {0} but its input is only {1} wide</source>
        <translation>tiene una ventana de {0} pero su entrada solo mide {1}</translation>
    </message>
    <message>
        <source> (with padding {0})</source>
        <translation> (con relleno {0})</translation>
    </message>
    <message>
        <source>reduce kernel_size or add padding</source>
        <translation>reduce kernel_size o añade relleno</translation>
    </message>
    <message>
        <source>has an unknown size in its shape {0}</source>
        <translation>tiene un tamaño desconocido en su forma {0}</translation>
    </message>
    <message>
        <source>give every size of one sample</source>
        <translation>da todos los tamaños de una muestra</translation>
    </message>
    <message>
        <source>a flat input</source>
        <translation>una entrada plana</translation>
    </message>
    <message>
        <source>insert Flatten</source>
        <translation>inserta Flatten</translation>
    </message>
    <message>
        <source>channels × length</source>
        <translation>canales × longitud</translation>
    </message>
    <message>
        <source>insert Reshape</source>
        <translation>inserta Reshape</translation>
    </message>
    <message>
        <source>channels × height × width</source>
        <translation>canales × alto × ancho</translation>
    </message>
    <message>
        <source>splits its {0} input and {1} output channels into {2} groups, but both must divide evenly</source>
        <translation>reparte sus {0} canales de entrada y {1} de salida en {2} grupos, pero ambos deben dividirse exactamente</translation>
    </message>
    <message>
        <source>choose groups that divide both channel counts</source>
        <translation>elige un número de grupos que divida ambos números de canales</translation>
    </message>
    <message>
        <source>may have at most one -1 in its shape</source>
        <translation>puede tener como mucho un -1 en su forma</translation>
    </message>
    <message>
        <source>replace all but one -1 by a size</source>
        <translation>cambia todos los -1 menos uno por un tamaño</translation>
    </message>
    <message>
        <source>cannot arrange {0} values ({1}) as {2}</source>
        <translation>no puede disponer {0} valores ({1}) como {2}</translation>
    </message>
    <message>
        <source>choose a shape with the same number of values</source>
        <translation>elige una forma con el mismo número de valores</translation>
    </message>
    <message>
        <source>expects features, channels × length or an image but receives {0}</source>
        <translation>espera características, canales × longitud o una imagen pero recibe {0}</translation>
    </message>
    <message>
        <source>a sequence (steps × features)</source>
        <translation>una secuencia (pasos × características)</translation>
    </message>
    <message>
        <source>has inputs {0} and {1}: they must match</source>
        <translation>tiene entradas {0} y {1}: deben coincidir</translation>
    </message>
    <message>
        <source>change a layer so both branches have the same shape</source>
        <translation>cambia una capa para que las dos ramas tengan la misma forma</translation>
    </message>
    <message>
        <source>has inputs {0} and {1}: all but their first size must match</source>
        <translation>tiene entradas {0} y {1}: todos sus tamaños salvo el primero deben coincidir</translation>
    </message>
    <message>
        <source>change a layer so the branches agree</source>
        <translation>cambia una capa para que las ramas concuerden</translation>
    </message>
    <message>
        <source>with {0} loss expects a flat input but receives {1}</source>
        <translation>con la pérdida {0} espera una entrada plana pero recibe {1}</translation>
    </message>
    <message>
        <source>insert Flatten and Linear</source>
        <translation>inserta Flatten y Linear</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>the run has no {0} layer</source>
        <translation>la ejecución no tiene ninguna capa {0}</translation>
    </message>
    <message>
        <source>the run&apos;s {0} already fills an earlier layer</source>
        <translation>{0} de la ejecución ya llena una capa anterior</translation>
    </message>
    <message>
        <source>the run&apos;s {0} has no {1}</source>
        <translation>{0} de la ejecución no tiene {1}</translation>
    </message>
    <message>
        <source>expects {0} but the run has {1} ({2})</source>
        <translation>espera {0} pero la ejecución tiene {1} ({2})</translation>
    </message>
    <message>
        <source>the run&apos;s {0} holds other tensors</source>
        <translation>{0} de la ejecución tiene otros tensores</translation>
    </message>
    <message>
        <source>the run&apos;s {0} does not fit {1}</source>
        <translation>{0} de la ejecución no encaja en {1}</translation>
    </message>
    <message>
        <source>the run lacks the tensor {0}</source>
        <translation>a la ejecución le falta el tensor {0}</translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <source>Reconstruction</source>
        <translation>Reconstrucción</translation>
    </message>
    <message>
        <source>an autoencoder&apos;s input, noisy input and what it rebuilds</source>
        <translation>la entrada de un autocodificador, la entrada con ruido y lo que reconstruye</translation>
    </message>
    <message>
        <source>Rare minima</source>
        <translation>Mínimos raros</translation>
    </message>
    <message>
        <source>saddles outnumber minima; the Hessian now</source>
        <translation>hay más puntos de silla que mínimos; la hessiana ahora</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>Retropropagación</translation>
    </message>
    <message>
        <source>one sample&apos;s chain rule, every number</source>
        <translation>la regla de la cadena de una muestra, con todos los números</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>the units dropped and the average of masks</source>
        <translation>las unidades apagadas y la media de las máscaras</translation>
    </message>
    <message>
        <source>Space folding</source>
        <translation>Plegado del espacio</translation>
    </message>
    <message>
        <source>the plane&apos;s grid after every layer</source>
        <translation>la cuadrícula del plano tras cada capa</translation>
    </message>
    <message>
        <source>Hidden layer</source>
        <translation>Capa oculta</translation>
    </message>
    <message>
        <source>a layer&apos;s activations for every sample</source>
        <translation>las activaciones de una capa para cada muestra</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activaciones</translation>
    </message>
    <message>
        <source>histograms and feature maps</source>
        <translation>histogramas y mapas de características</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>each unit&apos;s weights drawn as an image</source>
        <translation>los pesos de cada unidad dibujados como imagen</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>first conv layer&apos;s kernels with Gabor fits</source>
        <translation>núcleos de la primera capa convolucional con ajustes de Gabor</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>Flujo del gradiente</translation>
    </message>
    <message>
        <source>gradient norm per layer over time</source>
        <translation>norma del gradiente por capa a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Confusión</translation>
    </message>
    <message>
        <source>confusion matrix, samples, mistakes</source>
        <translation>matriz de confusión, muestras, errores</translation>
    </message>
    <message>
        <source>Maximise</source>
        <translation>Maximizar</translation>
    </message>
    <message>
        <source>the input that excites a unit most</source>
        <translation>la entrada que más excita a una unidad</translation>
    </message>
    <message>
        <source>Through time</source>
        <translation>A través del tiempo</translation>
    </message>
    <message>
        <source>a recurrent layer unrolled</source>
        <translation>una capa recurrente desplegada</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>a model fed its own outputs: a sine, or text at a temperature</source>
        <translation>un modelo que lee sus propias salidas: un seno, o texto a una temperatura</translation>
    </message>
    <message>
        <source>By position</source>
        <translation>Por posición</translation>
    </message>
    <message>
        <source>how often the key is found at each step</source>
        <translation>con qué frecuencia se encuentra la clave en cada paso</translation>
    </message>
    <message>
        <source>Approximation</source>
        <translation>Aproximación</translation>
    </message>
    <message>
        <source>a curve fitted to a function of x, and each hidden unit&apos;s share</source>
        <translation>una curva ajustada a una función de x, y lo que aporta cada unidad oculta</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>Neuronas</translation>
    </message>
    <message>
        <source>every unit and weight; set them by hand</source>
        <translation>cada unidad y cada peso; fíjalos a mano</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>Paisaje de pérdida</translation>
    </message>
    <message>
        <source>the loss around the weights</source>
        <translation>la pérdida alrededor de los pesos</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <source>activations and derivatives</source>
        <translation>activaciones y derivadas</translation>
    </message>
    <message>
        <source>Gabor explorer</source>
        <translation>Explorador de Gabor</translation>
    </message>
    <message>
        <source>the Gabor function&apos;s parameters</source>
        <translation>los parámetros de la función de Gabor</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Convolución</translation>
    </message>
    <message>
        <source>the operation, step by step</source>
        <translation>la operación, paso a paso</translation>
    </message>
    <message>
        <source>Optimizer lab</source>
        <translation>Laboratorio de optimizadores</translation>
    </message>
    <message>
        <source>optimisers racing in 2-D</source>
        <translation>optimizadores compitiendo en 2D</translation>
    </message>
</context>
</TS>
