// The Konva shapes the board draws, registered with Konva's core (react-konva/lib/ReactKonvaCore
// creates nodes by class name). The full 'konva' build would add every other shape and all its
// image filters: code each page load would fetch, parse and start for nothing.
import 'konva/lib/shapes/Arrow.js'
import 'konva/lib/shapes/Circle.js'
import 'konva/lib/shapes/Ellipse.js'
import 'konva/lib/shapes/Label.js'
import 'konva/lib/shapes/Line.js'
import 'konva/lib/shapes/Rect.js'
import 'konva/lib/shapes/Text.js'
import 'konva/lib/shapes/Transformer.js'
