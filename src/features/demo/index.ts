export { loadDemoData } from './demo.load.ts'
