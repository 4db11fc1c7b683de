/**
 * The few components the public pages are built of (issue 15): plain elements styled by public.css in the app
 * theme's colours (app/theme.ts), so the public bundle needs neither antd nor its CSS-in-JS. A visitor of the
 * registry, publicity, typical cases or verify pages downloads React, the router and these, nothing else.
 */
import { type ReactNode, useEffect, useId, useState } from 'react';
import { ApiError, download, type Query } from '../../app/api';

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/** A white panel with an optional heading (antd's Card). */
export function Card({
  title,
  extra,
  children,
  className,
  ...rest
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
} & Omit<React.HTMLAttributes<HTMLElement>, 'title'> & { [data: `data-${string}`]: string | undefined }) {
  return (
    <section className={cx('pub-card', className)} {...rest}>
      {(title || extra) && (
        <div className="pub-card-head">
          {title && <h2 className="pub-card-title">{title}</h2>}
          {extra}
        </div>
      )}
      <div className="pub-card-body">{children}</div>
    </section>
  );
}

export type TagColor =
  | 'success'
  | 'warning'
  | 'error'
  | 'processing'
  | 'default'
  | 'blue'
  | 'orange'
  | 'cyan'
  | 'purple'
  | 'geekblue';

export function Tag({ color = 'default', children }: { color?: TagColor; children: ReactNode }) {
  return <span className={`pub-tag pub-tag-${color}`}>{children}</span>;
}

interface ButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  primary?: boolean;
  /** A small text link inside tables. */
  link?: boolean;
  loading?: boolean;
}

export function Button({ primary, link, loading, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={cx('pub-btn', primary && 'pub-btn-primary', link && 'pub-btn-link', className)}
      aria-busy={loading || undefined}
      disabled={loading || rest.disabled}
      {...rest}
    >
      {loading && <span className="pub-spin pub-spin-small" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** Spinner shown while a page's code or data loads (antd's Spin in PageLoading). */
export function Loading({ label = '加载中' }: { label?: string }) {
  return (
    <div className="pub-loading" role="status">
      <span className="pub-spin" aria-hidden="true" />
      <span className="pub-visually-hidden">{label}</span>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="pub-empty">{children}</div>;
}

/** A page-level outcome: not found, an error, a success (antd's Result). */
export function Result({
  status,
  title,
  subTitle,
  extra,
}: {
  status: 'success' | 'error' | 'warning' | 'info' | '404';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  const mark = { success: '✓', error: '✕', warning: '!', info: 'i', '404': '?' }[status];
  return (
    <div className={`pub-result pub-result-${status}`}>
      <div className="pub-result-icon" aria-hidden="true">
        {mark}
      </div>
      <div className="pub-result-title">{title}</div>
      {subTitle && <div className="pub-result-sub">{subTitle}</div>}
      {extra && <div className="pub-result-extra">{extra}</div>}
    </div>
  );
}

export function Alert({
  type,
  title,
  description,
  role,
}: {
  type: 'success' | 'info' | 'warning' | 'error';
  title: ReactNode;
  description?: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div className={`pub-alert pub-alert-${type}`} role={role}>
      <div className="pub-alert-title">{title}</div>
      {description && <div className="pub-alert-desc">{description}</div>}
    </div>
  );
}

export interface DescriptionItem {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/** Label–value pairs; two per line on wide screens with `columns={2}`, one on phones (antd's Descriptions). */
export function Descriptions({ items, columns = 1 }: { items: DescriptionItem[]; columns?: 1 | 2 }) {
  return (
    <dl className={cx('pub-desc', columns === 2 && 'pub-desc-2')}>
      {items.map((item) => (
        <div key={item.key} className="pub-desc-item">
          <dt className="pub-desc-label">{item.label}</dt>
          <dd className="pub-desc-content">{item.children}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface Column<T> {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
  width?: number;
}

/**
 * A plain table that scrolls sideways inside its own keyboard-focusable region when wider than the screen; `empty`
 * is said in its only row when there are no rows.
 */
export function Table<T>({
  columns,
  rows,
  rowKey,
  empty,
  loading,
  rowProps,
  label,
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty: ReactNode;
  loading?: boolean;
  rowProps?: (row: T) => React.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** The name of the scroll region. */
  label?: string;
}) {
  return (
    <div className="pub-table-wrap" aria-busy={loading || undefined}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region keyboard users can scroll (axe scrollable-region-focusable) */}
      <section className="pub-table-scroll" aria-label={label ?? '表格（可用方向键左右滚动）'} tabIndex={0}>
        <table className="pub-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" style={column.width ? { width: column.width } : undefined}>
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="pub-table-empty">
                  {loading ? '加载中…' : empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)} {...rowProps?.(row)}>
                  {columns.map((column) => (
                    <td key={column.key}>{column.render(row)}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      {loading && rows.length > 0 && <div className="pub-table-mask" aria-hidden="true" />}
    </div>
  );
}

/**
 * The page numbers to offer: the first, the last, and two either side of the current page; a gap of one page shows
 * that page, longer gaps are null.
 */
export function pageNumbers(current: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...shown].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && n - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && n - last > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** A pager with the total, page numbers and the page size (antd's Pagination as the lists use it). */
export function Pagination({
  page,
  pageSize,
  total,
  sizes,
  totalLabel,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The page sizes offered; none: no size choice. */
  sizes?: readonly number[];
  totalLabel?: (total: number) => string;
  onChange: (paging: { page: number; pageSize: number }) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (to: number) => onChange({ page: to, pageSize });
  return (
    <nav className="pub-pager" aria-label="分页">
      {totalLabel && <span className="pub-pager-total">{totalLabel(total)}</span>}
      <button type="button" className="pub-pager-item" disabled={page <= 1} onClick={() => go(page - 1)}>
        上一页
      </button>
      {pageNumbers(page, pages).map((n, i) =>
        n === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
          <span key={`gap-${i}`} className="pub-pager-gap" aria-hidden="true">
            …
          </span>
        ) : (
          <button
            key={n}
            type="button"
            className="pub-pager-item"
            aria-current={n === page ? 'page' : undefined}
            aria-label={`第 ${n} 页`}
            onClick={() => go(n)}
          >
            {n}
          </button>
        ),
      )}
      <button type="button" className="pub-pager-item" disabled={page >= pages} onClick={() => go(page + 1)}>
        下一页
      </button>
      {sizes && (
        <select
          className="pub-select pub-pager-size"
          aria-label="每页条数"
          value={pageSize}
          onChange={(e) => onChange({ page: 1, pageSize: Number(e.target.value) })}
        >
          {sizes.map((size) => (
            <option key={size} value={size}>
              {size} 条/页
            </option>
          ))}
        </select>
      )}
    </nav>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectGroup {
  label: string;
  options: SelectOption[];
}

/** A native select whose empty choice is "all" (`placeholder`); `onChange` gets undefined for it. */
export function Select({
  label,
  placeholder,
  options,
  value,
  onChange,
  width,
  disabled,
}: {
  label: string;
  placeholder: string;
  options: readonly (SelectOption | SelectGroup)[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  width?: number;
  disabled?: boolean;
}) {
  const option = (o: SelectOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <select
      className="pub-select"
      aria-label={label}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value || undefined)}
      style={width ? { width } : undefined}
    >
      <option value="">{placeholder}</option>
      {options.map((o) =>
        'options' in o ? (
          <optgroup key={o.label} label={o.label}>
            {o.options.map(option)}
          </optgroup>
        ) : (
          option(o)
        ),
      )}
    </select>
  );
}

/** A labelled text field (antd's Form.Item with an Input). */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="pub-field">
      <label htmlFor={id} className="pub-field-label">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <div id={`${id}-error`} className="pub-field-error">
          {error}
        </div>
      ) : (
        hint && (
          <div id={`${id}-hint`} className="pub-field-hint">
            {hint}
          </div>
        )
      )}
    </div>
  );
}

/** Copies `text` to the clipboard on click, saying so (antd's Typography copyable). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="pub-copy"
      aria-label={copied ? '已复制' : label}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? '已复制' : '复制'}
    </button>
  );
}

/**
 * A button that downloads a file the API makes (an official PDF, an Excel export) through `download()`; a refusal
 * shows its Chinese message beside the button instead of saving the error as a file.
 */
export function DownloadButton({ path, query, children }: { path: string; query?: Query; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    setBusy(true);
    setError(null);
    download(path, query)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '操作失败，请稍后重试'))
      .finally(() => setBusy(false));
  };
  return (
    <span className="pub-download">
      <Button loading={busy} onClick={onClick}>
        {children}
      </Button>
      {error && (
        <span role="alert" className="pub-field-error">
          {error}
        </span>
      )}
    </span>
  );
}

/** Choices shown as a row of buttons (antd's Radio.Group, optionType button) or plain radios. */
export function RadioGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  buttons,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  buttons?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="pub-fieldset">
      <legend className="pub-field-label">{label}</legend>
      <div className={buttons ? 'pub-radio-buttons' : 'pub-radios'}>
        {options.map((option) => (
          <label key={option.value} className={buttons ? 'pub-radio-button' : 'pub-radio'}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A drop zone around a file input (antd's Upload.Dragger without uploading): a click opens the file picker, a file
 * dropped on it is taken as picked. `testId` marks the zone as `<testId>-dragger`.
 */
export function FileDrop({
  label,
  hint,
  accept,
  onFile,
  testId,
  invalid,
}: {
  label: ReactNode;
  hint: ReactNode;
  accept?: string;
  onFile: (file: File) => void;
  testId: string;
  invalid?: boolean;
}) {
  const [over, setOver] = useState(false);
  return (
    <label
      className={cx('pub-drop', over && 'pub-drop-over', invalid && 'pub-drop-invalid')}
      data-testid={`${testId}-dragger`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <input
        type="file"
        className="pub-visually-hidden"
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <span className="pub-drop-text">{label}</span>
      <span className="pub-drop-hint">{hint}</span>
    </label>
  );
}

/** A text input with a button that empties it while it holds text (antd's Input with allowClear). */
export function TextInput({
  value,
  onChange,
  className,
  ...rest
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <span className="pub-clearable">
      <input
        type="text"
        className={cx('pub-input', className)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      {value && (
        <button type="button" className="pub-clear" aria-label="清除" onClick={() => onChange('')}>
          ×
        </button>
      )}
    </span>
  );
}

/** A search field with its button (antd's Input.Search with enterButton): Enter or the button searches. */
export function SearchBox({
  label,
  placeholder,
  button,
  value,
  onChange,
  onSearch,
  maxLength,
}: {
  label: string;
  placeholder: string;
  button: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: (value: string) => void;
  maxLength?: number;
}) {
  return (
    <form
      className="pub-search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(value.trim());
      }}
    >
      <input
        className="pub-input"
        type="search"
        aria-label={label}
        placeholder={placeholder}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <Button primary type="submit">
        {button}
      </Button>
    </form>
  );
}

/**
 * Checkboxes under one legend (antd's Checkbox.Group); `groups` puts a caption before each run of them (技术信息：…).
 * `error` is said under them and names the group invalid.
 */
export function CheckboxGroup({
  label,
  groups,
  value,
  onChange,
  error,
}: {
  label: string;
  groups: readonly { caption?: string; options: readonly SelectOption[] }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...value, option] : value.filter((chosen) => chosen !== option));
  return (
    <fieldset
      className="pub-fieldset"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="pub-field-label">{label}</legend>
      {groups.map((group) => (
        <div key={group.caption ?? ''} className="pub-radios">
          {group.caption && <span>{group.caption}：</span>}
          {group.options.map((option) => (
            <label key={option.value} className="pub-radio">
              <input
                type="checkbox"
                value={option.value}
                checked={value.includes(option.value)}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      ))}
      {error && (
        <div id={`${id}-error`} className="pub-field-error">
          {error}
        </div>
      )}
    </fieldset>
  );
}
