<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
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
        <source>Training cannot be undone: the model stays as trained, paused.</source>
        <translation>El entrenamiento no se puede deshacer: el modelo queda como está entrenado, en pausa.</translation>
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
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
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
    <name>NodeItem</name>
    <message>
        <source>Double-click to draw it unrolled through time, its shared weights marked</source>
        <translation>Doble clic para dibujarla desplegada en el tiempo, con sus pesos compartidos marcados</translation>
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
        <source>sin x</source>
        <translation>sen x</translation>
    </message>
    <message>
        <source>sin y</source>
        <translation>sen y</translation>
    </message>
</context>
<context>
    <name>views</name>
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
