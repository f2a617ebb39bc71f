import { FormErrors } from './form-errors';

describe('FormErrors', () => {
  it('lists problems in page order, one per field, linking each to its field', () => {
    const errors = new FormErrors()
      .add('endTime', 'Enter the end time')
      .add('title', 'Enter a title')
      .add('title', 'A second problem with the title is not shown')
      .addDate('date', 'Date must include a month', ['month'])
      .add(undefined, 'The event is cancelled');
    expect(errors.toView(['title', 'date', 'endTime'])).toEqual({
      errorList: [
        { text: 'The event is cancelled', href: undefined },
        { text: 'Enter a title', href: '#title' },
        { text: 'Date must include a month', href: '#date-month' },
        { text: 'Enter the end time', href: '#endTime' },
      ],
      errors: {
        title: { text: 'Enter a title' },
        date: { text: 'Date must include a month' },
        endTime: { text: 'Enter the end time' },
      },
      dateParts: { date: ['month'] },
    });
  });
});
