export { checkPersonName, normalisePersonName, PERSON_NAME_MAX, personNameMessage } from './person-name';
export {
  checkText,
  normaliseText,
  stripUnsafeCharacters,
  textLength,
  type TextCheck,
  type TextProblem,
  type TextRule,
} from './text-rules';
export {
  EmailAddress,
  MultiLineText,
  PersonName,
  SingleLineText,
  type TextFieldOptions,
} from './text.decorators';
