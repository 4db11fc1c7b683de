/**
 * antd's date pickers, opening on the business date instead of the computer's date, with their "today" button
 * picking the business date (see app/business-date.tsx). Every date input of the app uses these.
 */
import { DatePicker as AntDatePicker, Button, type DatePickerProps } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { useBusinessDate } from '../app/business-date';

function BusinessDatePicker(props: DatePickerProps) {
  const { today } = useBusinessDate();
  const { onChange } = props;
  return (
    <AntDatePicker
      defaultPickerValue={today}
      showNow={false}
      renderExtraFooter={
        props.disabled
          ? undefined
          : () => (
              <Button
                type="link"
                size="small"
                block
                onClick={() =>
                  onChange?.(today, today.format(typeof props.format === 'string' ? props.format : 'YYYY-MM-DD'))
                }
              >
                今天（业务日期）
              </Button>
            )
      }
      {...props}
    />
  );
}

function BusinessRangePicker(props: RangePickerProps) {
  const { today } = useBusinessDate();
  return <AntDatePicker.RangePicker defaultPickerValue={[today, today] as [Dayjs, Dayjs]} {...props} />;
}

export const DatePicker = Object.assign(BusinessDatePicker, { RangePicker: BusinessRangePicker });
