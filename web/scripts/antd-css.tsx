// Prints the CSS antd generates for the console's components and theme, with cssinjs's cache-path map, so that the
// console can load it as a stylesheet and skip generating those styles on a page load (see vite.config.ts). Run with
// NODE_ENV=production: the class hashes differ in development, where the file then simply goes unused.
import { renderToString } from 'react-dom/server';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import * as antd from 'antd';
import { CONSOLE_THEME } from '../src/app/theme.ts';

const { App, ConfigProvider } = antd;
const options = [{ value: 'a', label: 'a' }];
const columns = [{ title: 'a', dataIndex: 'a', key: 'a', sorter: true, filters: [{ text: 'a', value: 'a' }] }];
const data = [{ key: 1, a: 'a' }];
// One of each component the console renders (and those ProComponents render inside), in the states that register
// their styles; portals (Modal, Drawer, popups) render nothing on the server but still register their styles. Not
// Layout and Menu: ProLayout renders them with its own component tokens, so their styles are generated at run time.
const tree = (
  <App>
    <div>
      <antd.Breadcrumb items={[{ title: 'a' }]} />
      <antd.Avatar />
      <antd.Button type="primary">a</antd.Button>
      <antd.Space />
      <antd.Typography.Text>a</antd.Typography.Text>
      <antd.Typography.Title>a</antd.Typography.Title>
      <antd.Typography.Paragraph>a</antd.Typography.Paragraph>
      <antd.Typography.Link>a</antd.Typography.Link>
      <antd.Tag>a</antd.Tag>
      <antd.Card title="a">a</antd.Card>
      <antd.Modal open={false} />
      <antd.Drawer open={false} />
      <antd.Form>
        <antd.Form.Item label="a" name="a">
          <antd.Input />
        </antd.Form.Item>
      </antd.Form>
      <antd.Alert message="a" />
      <antd.Table columns={columns} dataSource={data} rowSelection={{}} pagination={{ total: 100 }} />
      <antd.Pagination total={100} />
      <antd.Select options={options} />
      <antd.Input.Search />
      <antd.Input.TextArea />
      <antd.Input.Password />
      <antd.Result title="a" />
      <antd.Descriptions items={[{ key: 'a', label: 'a', children: 'a' }]} />
      <antd.DatePicker />
      <antd.DatePicker.RangePicker />
      <antd.InputNumber />
      <antd.Row>
        <antd.Col span={12} />
      </antd.Row>
      <antd.Empty />
      <antd.Tooltip title="a">a</antd.Tooltip>
      <antd.Statistic value={1} />
      <antd.Popconfirm title="a">a</antd.Popconfirm>
      <antd.Upload />
      <antd.Upload.Dragger />
      <antd.Timeline items={[{ children: 'a' }]} />
      <antd.Spin />
      <antd.Skeleton />
      <antd.Progress percent={50} />
      <antd.List dataSource={['a']} renderItem={(a) => <antd.List.Item>{a}</antd.List.Item>} />
      <antd.Segmented options={['a']} />
      <antd.Dropdown menu={{ items: [{ key: 'a', label: 'a' }] }}>
        <span>a</span>
      </antd.Dropdown>
      <antd.Tabs items={[{ key: 'a', label: 'a', children: 'a' }]} />
      <antd.Switch />
      <antd.Steps items={[{ title: 'a' }]} />
      <antd.Radio.Group options={options} />
      <antd.Radio.Group options={options} optionType="button" />
      <antd.Checkbox />
      <antd.Tree treeData={[{ key: 'a', title: 'a' }]} />
      <antd.Tree.DirectoryTree treeData={[{ key: 'a', title: 'a' }]} />
      <antd.TreeSelect />
      <antd.QRCode value="a" />
      <antd.Popover content="a">a</antd.Popover>
      <antd.Divider />
      <antd.Badge count={1} />
      <antd.Cascader />
      <antd.Collapse items={[{ key: 'a', label: 'a', children: 'a' }]} />
      <antd.Image />
    </div>
  </App>
);

const cache = createCache();
renderToString(
  <StyleProvider cache={cache}>
    <ConfigProvider theme={CONSOLE_THEME}>{tree}</ConfigProvider>
  </StyleProvider>,
);
process.stdout.write(extractStyle(cache, { plain: true }));
