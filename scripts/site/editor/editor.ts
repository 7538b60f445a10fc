import { contextOf } from './check.ts'
export { contextOf }
