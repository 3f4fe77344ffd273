// Exports of a board: the report model, its Markdown, the items as CSV and the board as a file.
// The PDF renderer (./pdf.ts) is imported on its own, so jsPDF loads only when a PDF is made.
export * from './boardFile.ts'
export * from './csv.ts'
export * from './font.ts'
export * from './markdown.ts'
export * from './model.ts'
export * from './names.ts'
export * from './reportLabels.ts'
