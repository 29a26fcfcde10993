<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LandCase</name>
    <message>
      <location filename="../../plugin/main.py" line="124" />
      <source>&amp;LandCase</source>
      <translation>卫片执法(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="223" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="128" />
      <source>A year (2026), a month (2026-03) or a date range (2026-01-01/2026-03-31); press Enter to compute.</source>
      <translation>年份（2026）、月份（2026-03）或日期范围（2026-01-01/2026-03-31），按回车键计算。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="116" />
      <source>Actual use</source>
      <translation>实际用途</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="425" />
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="110" />
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="223" />
      <source>Add re-inspection photos…</source>
      <translation>添加复核照片…</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="39" />
      <source>Administrative code (XZQDM)</source>
      <translation>行政区代码（XZQDM）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="40" />
      <source>Administrative name (XZQMC)</source>
      <translation>行政区名称（XZQMC）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="163" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="290" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="35" />
      <source>All plots shown in the panel ({count})</source>
      <translation>面板中显示的全部图斑（{count} 个）</translation>
    </message>
    <message>
      <location filename="../../forms/integrity_banner.py" line="46" />
      <source>Another program changed the protection of this case database: LandCase restored it, but data may have been changed meanwhile. Run the verification.</source>
      <translation>其他程序改动了本案件数据库的保护机制：LandCase 已将其恢复，但期间数据可能已被修改。请运行核验。</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="133" />
      <source>Approval date</source>
      <translation>批准日期</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="158" />
      <source>Approval number</source>
      <translation>批准文号</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="152" />
      <source>Approval number (批准文号)</source>
      <translation>批准文号</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="35" />
      <source>Approval {number}</source>
      <translation>批文 {number}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="127" />
      <source>Approved land (批准用地)</source>
      <translation>批准用地</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="49" />
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="95" />
      <source>Area (mu)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="52" />
      <source>Area identity fails by {m2:.2f} m²: gaps or overlaps in the land use.</source>
      <translation>各地类面积之和与图斑面积相差 {m2:.2f} 平方米：地类图斑存在缝隙或重叠。</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="50" />
      <source>Area identity holds.</source>
      <translation>各地类面积之和与图斑面积一致。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="78" />
      <source>As the source says</source>
      <translation>按源数据</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="43" />
      <source>Assigns a layer to a role of the desk comparison in a case database: the layer source and the names of the role's fields are stored, and restored whenever the database is opened. FIELDS is JSON, role field → layer field, e.g. {{"code": "DLBM", "name": "DLMC"}}; fields left out are looked for under their usual names. A layer without a coordinate reference system is refused. Roles and their fields: {roles}</source>
      <translation>在案件库中将图层指定为内业比对的某一图层类别：保存图层数据源及该类别各字段对应的字段名，每次打开案件库时自动恢复。FIELDS 为 JSON，类别字段 → 图层字段，例如 {{"code": "DLBM", "name": "DLMC"}}；未列出的字段按常用字段名查找。没有坐标参考系的图层不予接受。各图层类别及其字段：{roles}</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="661" />
      <source>Audit trail</source>
      <translation>审计日志</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="157" />
      <source>Basis</source>
      <translation>判定依据</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="115" />
      <source>Batch</source>
      <translation>批次</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="74" />
      <source>Batch (name or id)</source>
      <translation>批次（名称或编号）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="61" />
      <source>Batch name</source>
      <translation>批次名称</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="31" />
      <source>Batch {batch}: {imported} of {rows} rows imported; {repaired} repaired, {rejected} rejected, {duplicates} duplicates skipped, {overlaps} overlaps to check.</source>
      <translation>批次 {batch}：共 {rows} 条记录，导入 {imported} 条；修复 {repaired} 条，拒绝 {rejected} 条，跳过重复 {duplicates} 条，重叠待查 {overlaps} 处。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="112" />
      <source>Binds the documents of the plots the expression selects into one dossier: cover, table of contents with page numbers, the documents in a fixed order, notes page.</source>
      <translation>将表达式选中图斑的文书装订为一份卷宗：封面、带页码的目录、按固定顺序排列的文书、备考表。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="43" />
      <source>CRS</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="98" />
      <source>CRS of the source</source>
      <translation>源数据坐标系</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="108" />
      <source>Canceled: nothing was stored.</source>
      <translation>已取消，未写入任何数据。</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="304" />
      <source>Cannot open the case database</source>
      <translation>无法打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/base.py" line="18" />
      <source>Case database</source>
      <translation>案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="161" />
      <source>Case panel</source>
      <translation>案件面板</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="255" />
      <source>Case {jcbh}</source>
      <translation>案件 {jcbh}</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="150" />
      <source>Category</source>
      <translation>判定类别</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="46" />
      <source>Change type (BGLX)</source>
      <translation>变化类型（BGLX）</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="58" />
      <source>Changes between the two rounds</source>
      <translation>两轮次之间的变化</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="187" />
      <source>Chart by township</source>
      <translation>分乡镇图表</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="32" />
      <source>Checks that the case database is as LandCase left it: every table of its schema is there, every audit, lock and guard trigger is there and unchanged, every row of a locked round still matches the seal taken when it was locked, the audit trail's hash chain is whole and reaches its last checkpoint, no audit row was forged, and the CRS recorded in the database is that of its geometries. FINDINGS is the number of findings (0 for an untouched database); REPORT, when given, receives them as a CSV in Chinese, each naming its row (with its sealed and current values), trigger or table. The file is only read.</source>
      <translation>检查案件数据库是否保持 LandCase 写入时的状态：其版本应有的每张数据表都在；每个审计、锁定和防护触发器都在且未被改动；已锁定轮次的每条记录仍与锁定时的封存值一致；审计日志哈希链完整并到达最后的检查点；没有伪造的审计记录；数据库记录的坐标系与其几何一致。FINDINGS 为发现问题的数量（未被改动的数据库为 0）；给出 REPORT 时，问题以中文 CSV 写出，每条注明其记录（含封存值与现值）、触发器或数据表。只读取文件，不作修改。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="41" />
      <source>Chinese font of the reports</source>
      <translation>报告中文字体</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="67" />
      <source>Choose a file for the database.</source>
      <translation>请选择案件库文件。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="202" />
      <source>Choose a file or a layer to import.</source>
      <translation>请选择要导入的文件或图层。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="208" />
      <source>Choose the field that holds the plot number (JCBH).</source>
      <translation>请选择存放监测编号（JCBH）的字段。</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="66" />
      <source>Choose the output folder.</source>
      <translation>请选择输出文件夹。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="80" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="71" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="230" />
      <source>Close out (销号)</source>
      <translation>销号</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="179" />
      <source>Close without a case</source>
      <translation>不立案办结</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="99" />
      <source>Close-out reports (销号报告)</source>
      <translation>销号报告</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="244" />
      <source>Closed by</source>
      <translation>销号人</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="243" />
      <source>Closed on</source>
      <translation>销号日期</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="54" />
      <source>Clue source</source>
      <translation>线索来源</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="167" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="44" />
      <source>Compare with the round before</source>
      <translation>与上一轮次比较</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="204" />
      <source>Compute the figures again from the database</source>
      <translation>从案件库重新计算统计数据</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="131" />
      <source>Computed {plots} plots; {rows} rows stored.</source>
      <translation>已计算 {plots} 个图斑，写入 {rows} 条记录。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="52" />
      <source>Computes the figures of a period per county, township and village (plots issued and registered, determinations by category, violations, 耕地 and 永久基本农田 occupied, 新增 and 存量, 违法占耕比例, 整改到位率, 履职到位率, unrectified area, overdue deadlines), the county and township accountability figures of the year and the ten townships with most 非农化 and 非粮化 area, and writes them to an Excel workbook with the definition of every figure. PERIOD is a month (YYYY-MM), a year (YYYY) or a date range (YYYY-MM-DD/YYYY-MM-DD). OUTPUT_PDF, when given, receives the monthly report (月报): the county and township tables, a bar chart by township, the county flags with the denominator of 违法占耕比例, the top-ten rankings and the definitions, with the station (unit name of the LandCase settings) as 填报单位.</source>
      <translation>按县、乡镇、村计算统计期间的各项指标（下发和登记的图斑数、各判定类别数、违法宗数、占用耕地和永久基本农田面积、新增与存量、违法占耕比例、整改到位率、履职到位率、未整改面积、超期数），当年的县级和乡镇考核指标，以及非农化和非粮化面积最大的十个乡镇，连同各指标的定义写入 Excel 工作簿。PERIOD 为月份（YYYY-MM）、年份（YYYY）或日期范围（YYYY-MM-DD/YYYY-MM-DD）。如指定 OUTPUT_PDF，则输出月报：县级和乡镇汇总表、分乡镇柱状图、县级考核（含违法占耕比例的分母）、前十排名及指标定义，填报单位为本所（插件设置中的单位名称）。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="117" />
      <source>Construction date</source>
      <translation>建设时间</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="50" />
      <source>Coordinate reference system</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="67" />
      <source>Counties</source>
      <translation>县级汇总</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="70" />
      <source>County flags</source>
      <translation>县级考核</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="30" />
      <source>Create case database</source>
      <translation>新建案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="33" />
      <source>Creates an empty LandCase case database (SpatiaLite) in a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554). Without a CRS, the zone of the project's full extent is used. An existing file is kept unless Overwrite is set.</source>
      <translation>新建一个空的案件库（SpatiaLite），坐标系为 CGCS2000 3 度带高斯-克吕格投影（EPSG:4513 至 EPSG:4554）。未指定坐标系时，按工程全图范围所在的投影带选取。已有文件不会被覆盖，除非勾选“覆盖已有文件”。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="56" />
      <source>Creating {path} in EPSG:{srid}</source>
      <translation>正在新建 {path}，坐标系 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="22" />
      <source>Cropland (耕地)</source>
      <translation>耕地</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="39" />
      <source>Database table</source>
      <translation>数据表</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="55" />
      <source>Date found</source>
      <translation>发现日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="64" />
      <source>Date the batch was received (YYYY-MM-DD)</source>
      <translation>批次接收日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="88" />
      <source>Days</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="89" />
      <source>Days entered</source>
      <translation>录入天数</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="98" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="159" />
      <source>Decided by</source>
      <translation>判定人</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="160" />
      <source>Decided on</source>
      <translation>判定日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="237" />
      <source>Demolished area</source>
      <translation>拆除面积</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="189" />
      <source>Department reply due</source>
      <translation>部门回复期限</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="266" />
      <source>Department reply due {date}</source>
      <translation>部门回复期限：{date}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="118" />
      <source>Description</source>
      <translation>情况描述</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="38" />
      <source>Desk comparison</source>
      <translation>内业比对</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="35" />
      <source>Desk comparison (overlay)</source>
      <translation>内业比对（叠加分析）</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="619" />
      <source>Desk comparison failed</source>
      <translation>内业比对失败</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="146" />
      <source>Desk comparison of the plots shown</source>
      <translation>对显示的图斑进行内业比对</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="623" />
      <source>Desk comparison stored for {count} plots.</source>
      <translation>已保存 {count} 个图斑的内业比对结果。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="74" />
      <source>Detect</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="118" />
      <source>Determination</source>
      <translation>判定结果</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="260" />
      <source>Determination: {category} {subtype}</source>
      <translation>判定结果：{category} {subtype}</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="52" />
      <source>Document</source>
      <translation>文书</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="34" />
      <source>Documents</source>
      <translation>文书</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="45" />
      <source>Documents already up to date</source>
      <translation>无需更新的文书数</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="28" />
      <source>Documents and reports</source>
      <translation>文书与报告</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="44" />
      <source>Documents made</source>
      <translation>生成文书数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="109" />
      <source>Dossier (卷宗)</source>
      <translation>卷宗</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="78" />
      <source>Due within 7 days</source>
      <translation>7 天内到期</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="25" />
      <source>Duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="79" />
      <source>Duplicates skipped</source>
      <translation>跳过重复数</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="61" />
      <source>EPSG:{srid} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554).</source>
      <translation>EPSG:{srid} 不是 CGCS2000 3 度带高斯-克吕格投影坐标系（EPSG:4513 至 EPSG:4554）。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="162" />
      <source>Earlier determinations</source>
      <translation>历次判定</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="183" />
      <source>Earlier image (前时相)</source>
      <translation>前时相影像</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="42" />
      <source>Earlier image date (QSX)</source>
      <translation>前时相（QSX）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="114" />
      <source>Ecological protection red line (生态保护红线)</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="25" />
      <source>Ecological red line</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="79" />
      <source>Enters holidays and adjusted working days from the State Council's notice for a year the built-in calendar does not know yet, one a line: YYYY-MM-DD holiday|workday name, or a range YYYY-MM-DD..YYYY-MM-DD holiday|workday name (both days included). A day entered here overrides the built-in calendar.</source>
      <translation>录入国务院通知公布的、内置日历尚未包含年份的放假日和调休上班日，每行一条：YYYY-MM-DD holiday|workday 名称，或日期范围 YYYY-MM-DD..YYYY-MM-DD holiday|workday 名称（含首尾两天）。此处录入的日期优先于内置日历。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="204" />
      <source>Excel table</source>
      <translation>Excel 表格</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="84" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="206" />
      <source>Export Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="84" />
      <source>Export statistics</source>
      <translation>导出统计表</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="180" />
      <source>Export submission (一上 / 二上)</source>
      <translation>导出上报成果（一上/二上）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="214" />
      <source>Exporting round {round}</source>
      <translation>正在导出报送轮次 {round}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="82" />
      <source>FIELDS is not valid JSON: {error}</source>
      <translation>FIELDS 不是有效的 JSON：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="86" />
      <source>FIELDS must be a JSON object, e.g. {{"code": "DLBM"}}</source>
      <translation>FIELDS 必须是 JSON 对象，例如 {{"code": "DLBM"}}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="167" />
      <source>FIELD_MAP is not valid JSON: {error}</source>
      <translation>FIELD_MAP 不是有效的 JSON：{error}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="138" />
      <source>Facility farmland filings (设施农用地备案)</source>
      <translation>设施农用地备案</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="149" />
      <source>Facility name</source>
      <translation>设施名称</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="155" />
      <source>Facility record number (上图入库号)</source>
      <translation>设施农用地上图入库号</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="110" />
      <source>Farmland plot number</source>
      <translation>保护图斑编号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="72" />
      <source>Field mapping (JSON)</source>
      <translation>字段对应（JSON）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="97" />
      <source>Field mapping: {mapping}</source>
      <translation>字段对应：{mapping}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="83" />
      <source>Field verification</source>
      <translation>外业核查</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="106" />
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="67" />
      <source>Fields of the role</source>
      <translation>图层类别字段</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="62" />
      <source>Fields of the role (JSON)</source>
      <translation>图层类别字段（JSON）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="62" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="172" />
      <source>File the case</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="156" />
      <source>Filed area</source>
      <translation>备案面积</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="184" />
      <source>Filed on</source>
      <translation>立案日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="183" />
      <source>Filing number</source>
      <translation>立案编号</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="85" />
      <source>Filing or referral</source>
      <translation>立案或移交</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="38" />
      <source>Finding</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="48" />
      <source>Findings (CSV)</source>
      <translation>核验结果（CSV）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="202" />
      <source>GeoPackage</source>
      <translation>GeoPackage 文件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="77" />
      <source>Geometries repaired</source>
      <translation>修复几何数</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="139" />
      <source>Handle case…</source>
      <translation>办理案件…</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="186" />
      <source>Handling department</source>
      <translation>承办部门</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="118" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="381" />
      <source>Import failed</source>
      <translation>导入失败</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="385" />
      <source>Import failed; nothing was stored</source>
      <translation>导入失败，未写入任何数据</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="43" />
      <source>Import plot batch</source>
      <translation>导入图斑批次</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="132" />
      <source>Import plot batch…</source>
      <translation>导入图斑批次…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="83" />
      <source>Import report</source>
      <translation>导入报告</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="116" />
      <source>Imported {count} of {rows} rows; report: {path}</source>
      <translation>共 {rows} 条记录，导入 {count} 条；报告：{path}</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="103" />
      <source>Issued by</source>
      <translation>下发单位</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="245" />
      <source>Joint re-check result</source>
      <translation>联合复查结果</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="50" />
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="97" />
      <source>Land use (地类图斑)</source>
      <translation>地类图斑</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="101" />
      <source>Land-use code (DLBM)</source>
      <translation>地类编码（DLBM）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="102" />
      <source>Land-use name (DLMC)</source>
      <translation>地类名称（DLMC）</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="41" />
      <source>LandCase</source>
      <translation>卫片执法</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="57" />
      <source>LandCase cases</source>
      <translation>卫片执法案件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/provider.py" line="35" />
      <source>LandCase land enforcement cases</source>
      <translation>卫片执法与违法用地巡查案件</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="42" />
      <source>LandCase needs these Python packages in the Python that QGIS uses: {packages}. Install them there (pip, or the OSGeo4W shell on Windows) and restart QGIS.</source>
      <translation>插件需要在 QGIS 所用的 Python 中安装以下软件包：{packages}。请在该 Python 中安装（pip，Windows 下用 OSGeo4W Shell）后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="101" />
      <source>LandCase statistics</source>
      <translation>卫片执法统计</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="186" />
      <source>Later image (后时相)</source>
      <translation>后时相影像</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="43" />
      <source>Later image date (HSX)</source>
      <translation>后时相（HSX）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="59" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../../forms/roles_dialog.py" line="63" />
      <source>Layer roles</source>
      <translation>图层类别</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="523" />
      <source>Layer roles whose source is missing: {roles}</source>
      <translation>以下图层类别的数据源缺失：{roles}</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="144" />
      <source>Layer roles…</source>
      <translation>图层类别…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="66" />
      <source>Layer source</source>
      <translation>图层数据源</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="239" />
      <source>Legalised area</source>
      <translation>补办手续面积</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="84" />
      <source>Legality determination</source>
      <translation>合法性判定</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="57" />
      <source>Line '{line}': a range is written 2027-02-10..2027-02-17.</source>
      <translation>第“{line}”行：日期范围的写法为 2027-02-10..2027-02-17。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="62" />
      <source>Line '{line}': a range runs forward over at most {days} days.</source>
      <translation>第“{line}”行：日期范围须从前往后，且不超过 {days} 天。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="36" />
      <source>Line '{line}': give the day and holiday or workday.</source>
      <translation>第“{line}”行：请给出日期以及 holiday（放假）或 workday（上班）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="50" />
      <source>Line '{line}': {day} is not a date (YYYY-MM-DD).</source>
      <translation>第“{line}”行：{day} 不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="115" />
      <source>Lock round {period} {stage}? Its data can never be changed again.</source>
      <translation>是否锁定报送轮次 {period} {stage}？锁定后其数据将不能再更改。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="42" />
      <source>Lock the selected round</source>
      <translation>锁定所选轮次</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Locked</source>
      <translation>已锁定</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="232" />
      <source>Make it a post-closure patrol point</source>
      <translation>转为事后巡查点位</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="206" />
      <source>Measures</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="44" />
      <source>Monitored area (JCMJ)</source>
      <translation>监测面积（JCMJ）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="41" />
      <source>Monitoring batch (JCPC)</source>
      <translation>监测批次（JCPC）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="89" />
      <source>Monthly report PDF</source>
      <translation>月报 PDF</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="146" />
      <source>Monthly report: {path} ({pages} pages, hash {hash})</source>
      <translation>月报：{path}（{pages} 页，哈希值 {hash}）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="46" />
      <source>Monthly statistics</source>
      <translation>月度统计</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="166" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="91" />
      <source>Name the batch.</source>
      <translation>请填写批次名称。</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="79" />
      <source>Name who reported the plot.</source>
      <translation>请填写报告人。</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="27" />
      <source>New case database</source>
      <translation>新建案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="129" />
      <source>New case database…</source>
      <translation>新建案件库…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="134" />
      <source>New plot</source>
      <translation>新增图斑</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="85" />
      <source>No Chinese TrueType font found: install {hint}, or choose a .ttf/.ttc font file above.</source>
      <translation>未找到中文 TrueType 字体：请安装 {hint}，或在上方选择 .ttf/.ttc 字体文件。</translation>
    </message>
    <message>
      <location filename="../../reports/fonts.py" line="103" />
      <source>No Chinese TrueType font was found for the PDF reports. Install {hint}, or set a TrueType (.ttf/.ttc) Chinese font in the LandCase settings. OpenType fonts with CFF outlines (.otf, Noto CJK, Source Han) cannot be embedded.{tried}</source>
      <translation>未找到可用于 PDF 报告的中文 TrueType 字体。请安装 {hint}，或在插件设置中指定 TrueType（.ttf/.ttc）中文字体。CFF 轮廓的 OpenType 字体（.otf、Noto CJK、思源字体）无法嵌入。{tried}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="108" />
      <source>No case database open.</source>
      <translation>未打开案件库。</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="19" />
      <source>No desk comparison for {jcbh}: assign the land-use layer (Layer roles…).</source>
      <translation>{jcbh} 尚无内业比对结果：请指定地类图斑图层（图层类别…）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="67" />
      <source>No findings: the records are as LandCase left them.</source>
      <translation>未发现问题：记录保持 LandCase 写入时的状态。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="91" />
      <source>No layer is assigned to an overlay role in this database; assign them with landcase:setlayerrole.</source>
      <translation>本案件库尚未指定任何比对图层，请用 landcase:setlayerrole 指定。</translation>
    </message>
    <message>
      <location filename="../../cases/calendar.py" line="40" />
      <source>No official holiday calendar for {year}: enter the State Council's holiday arrangement for {year} (holidays and adjusted working days) with LandCase ▸ Official holiday calendar… (or the Processing algorithm landcase:holidaycalendar) before working-day deadlines in that year can be computed.</source>
      <translation>没有 {year} 年的法定节假日安排：请先通过“卫片执法 ▸ 法定节假日安排…”（或处理工具 landcase:holidaycalendar）录入国务院公布的 {year} 年节假日安排（放假日和调休上班日），方可计算该年的工作日期限。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="448" />
      <source>No plot in this period.</source>
      <translation>该期间没有图斑。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="101" />
      <source>No plot to compute.</source>
      <translation>没有需要计算的图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="69" />
      <source>No plot to print.</source>
      <translation>没有要打印的图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="208" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../../forms/bar_chart.py" line="68" />
      <source>Nothing to show.</source>
      <translation>无可显示的内容。</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="43" />
      <source>Now</source>
      <translation>现值</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="54" />
      <source>Number of findings</source>
      <translation>发现问题数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="76" />
      <source>Official holiday calendar</source>
      <translation>法定节假日安排</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="151" />
      <source>Official holiday calendar…</source>
      <translation>法定节假日安排…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="288" />
      <source>Open case database</source>
      <translation>打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="130" />
      <source>Open case database…</source>
      <translation>打开案件库…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="349" />
      <source>Open or create a case database first.</source>
      <translation>请先打开或新建案件库。</translation>
    </message>
    <message>
      <location filename="../../layers/photo_layer.py" line="77" />
      <source>Open photo</source>
      <translation>打开照片</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="90" />
      <source>Open report file</source>
      <translation>打开报告文件</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="341" />
      <source>Opened {path}: {count} plots.</source>
      <translation>已打开 {path}：共 {count} 个图斑。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="42" />
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="78" />
      <source>Overdue as of (YYYY-MM-DD; default today)</source>
      <translation>超期计算截止日期（YYYY-MM-DD，默认为今天）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="76" />
      <source>Overdue only</source>
      <translation>仅显示超期</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="26" />
      <source>Overlap</source>
      <translation>重叠待查</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="80" />
      <source>Overlaps flagged</source>
      <translation>标记重叠数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="62" />
      <source>Overlay table (CSV)</source>
      <translation>叠加分析表（CSV）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="143" />
      <source>Overlay table: {path}</source>
      <translation>叠加分析表：{path}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="41" />
      <source>Overlays the plots of a case database with the layers assigned to roles (landcase:setlayerrole): area by land-use code and by 三大类, 耕地, permanent basic farmland, ecological red line, urban development boundary, approvals with their 批准文号 and covered share, facility filings with their filed area; planar and ellipsoidal (椭球面积) m². The results replace the plots' earlier results in the database, in one transaction. FILTER is a QGIS expression over the plot table's fields (e.g. "jcbh LIKE '3201%'"); without it every plot is computed. OUTPUT, when given, is a CSV with one line per plot, role and class.</source>
      <translation>将案件库中的图斑与已指定类别的图层（landcase:setlayerrole）叠加分析：按地类编码和三大类统计面积，以及占用耕地、永久基本农田、生态保护红线、城镇开发边界、批准用地（含批准文号及覆盖比例）、设施农用地备案（含备案面积）的面积；面积以平方米计，同时计算平面面积和椭球面积。结果在一个事务中替换案件库中这些图斑原有的比对结果。FILTER 为基于图斑表字段的 QGIS 表达式（例如 "jcbh LIKE '3201%'"），不填写时计算全部图斑。如指定 OUTPUT，则输出 CSV 文件，每个图斑、图层类别和地类各占一行。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="46" />
      <source>Overwrite an existing file</source>
      <translation>覆盖已有文件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="96" />
      <source>Pages of the monthly report</source>
      <translation>月报页数</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Period</source>
      <translation>月份</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="70" />
      <source>Period (YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)</source>
      <translation>统计期间（YYYY-MM、YYYY 或 YYYY-MM-DD/YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="24" />
      <source>Permanent basic farmland</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="107" />
      <source>Permanent basic farmland (永久基本农田)</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="121" />
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="425" />
      <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
      <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="121" />
      <source>Pick a month</source>
      <translation>选择月份</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="22" />
      <source>Plot</source>
      <translation>图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="60" />
      <source>Plot batch</source>
      <translation>图斑批次</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="50" />
      <source>Plot number</source>
      <translation>监测编号</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="38" />
      <source>Plot number (JCBH)</source>
      <translation>监测编号（JCBH）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="45" />
      <source>Plot type (TBLX)</source>
      <translation>图斑类型（TBLX）</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="444" />
      <source>Plot {jcbh} saved.</source>
      <translation>图斑 {jcbh} 已保存。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="256" />
      <source>Plot {jcbh} — status: {status}</source>
      <translation>图斑 {jcbh}，状态：{status}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="224" />
      <source>Plot {jcbh}, field {field}: {reason}</source>
      <translation>图斑 {jcbh}，字段 {field}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="129" />
      <source>Plot {jcbh}: {reason}</source>
      <translation>图斑 {jcbh}：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="46" />
      <source>Plots</source>
      <translation>图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="39" />
      <source>Plots (expression)</source>
      <translation>图斑（表达式）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="69" />
      <source>Plots computed</source>
      <translation>计算图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="205" />
      <source>Plots exported</source>
      <translation>导出图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="76" />
      <source>Plots imported</source>
      <translation>导入图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="95" />
      <source>Plots in the period</source>
      <translation>期间图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="56" />
      <source>Plots to compute (expression)</source>
      <translation>参与计算的图斑（表达式）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="71" />
      <source>Plots with findings to check</source>
      <translation>需核实的图斑数</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="48" />
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="26" />
      <source>Print documents</source>
      <translation>打印文书</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="141" />
      <source>Print documents…</source>
      <translation>打印文书…</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="35" />
      <source>Printed as the issuing unit on reports, dossiers and 月报</source>
      <translation>作为出具单位印在核查报告、卷宗和月报上</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="505" />
      <source>Printing failed</source>
      <translation>打印失败</translation>
    </message>
    <message>
      <location filename="../../plugin/printing.py" line="421" />
      <source>Printing {kind}</source>
      <translation>正在打印{kind}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="102" />
      <source>Prints the close-out report of every plot the expression selects.</source>
      <translation>为表达式选中的每个图斑打印销号报告。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="89" />
      <source>Prints the verification report of every plot the expression selects, named after its plot number. A report whose case data did not change is left as it is.</source>
      <translation>为表达式选中的每个图斑打印核查报告，文件以监测编号命名。案件数据未变化的报告保持不变。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="63" />
      <source>Project layer</source>
      <translation>工程图层</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="132" />
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="94" />
      <source>QGIS cannot read it as a vector layer</source>
      <translation>QGIS 无法将其作为矢量图层读取</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="168" />
      <source>QGIS could not write the file: {message}</source>
      <translation>QGIS 无法写入文件：{message}</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="192" />
      <source>QGIS does not know EPSG:{srid}</source>
      <translation>QGIS 无法识别 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="236" />
      <source>Re-inspected by</source>
      <translation>复核人</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="235" />
      <source>Re-inspected on</source>
      <translation>复核日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="87" />
      <source>Re-inspection and close-out</source>
      <translation>复核与销号</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="240" />
      <source>Re-inspection photos</source>
      <translation>复核照片</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="234" />
      <source>Re-inspection result</source>
      <translation>复核结果</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="158" />
      <source>Reading as {encoding} ({reason}).</source>
      <translation>按 {encoding} 读取（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="50" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="161" />
      <source>Reason for the revision</source>
      <translation>修改原因</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="104" />
      <source>Received on</source>
      <translation>接收日期</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="40" />
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="144" />
      <source>Record number (上图入库号)</source>
      <translation>上图入库号</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="225" />
      <source>Record re-inspection</source>
      <translation>保存复核结果</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="69" />
      <source>Record {record}: {reason}</source>
      <translation>记录 {record}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="86" />
      <source>Rectification</source>
      <translation>整改</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="117" />
      <source>Red-line area name</source>
      <translation>红线区名称</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="176" />
      <source>Refer to the department</source>
      <translation>移交主管部门</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="187" />
      <source>Referred on</source>
      <translation>移交日期</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="203" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="49" />
      <source>Registers an issued batch of plots (shapefile, zipped shapefile, GeoPackage, GeoJSON or a project layer) in a case database, in one transaction. The DBF encoding is taken from the .cpg or detected (GBK/GB18030 or UTF-8); national field names are recognised, FIELD_MAP (JSON, plot field → source field) overrides them. Invalid geometries are repaired, plots already registered are skipped, overlaps are flagged. An import report CSV is written beside the database.</source>
      <translation>将下发的图斑批次（Shapefile、压缩的 Shapefile、GeoPackage、GeoJSON 或工程中的图层）在一个事务中登记到案件库。DBF 编码取自 .cpg 文件或自动识别（GBK/GB18030 或 UTF-8）；自动识别国家标准字段名，FIELD_MAP（JSON，图斑字段 → 源字段）可覆盖。无效几何自动修复，已登记的图斑跳过，重叠图斑予以标记。导入报告 CSV 写在案件库旁。</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="23" />
      <source>Rejected</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="49" />
      <source>Remarks</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="24" />
      <source>Repaired</source>
      <translation>已修复</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="97" />
      <source>Report file: {path}</source>
      <translation>报告文件：{path}</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="43" />
      <source>Report font</source>
      <translation>报告字体</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="56" />
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="182" />
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="238" />
      <source>Restored area</source>
      <translation>复耕面积</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="56" />
      <source>Role</source>
      <translation>图层类别</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="87" />
      <source>Role left out: {problem}</source>
      <translation>已跳过图层类别：{problem}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="99" />
      <source>Role {role}: {source} ({provider}), fields {fields}</source>
      <translation>图层类别 {role}：{source}（{provider}），字段 {fields}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="96" />
      <source>Roles compared: {roles}</source>
      <translation>参与比对的图层类别：{roles}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="197" />
      <source>Round (id, or e.g. 2026-03 一上)</source>
      <translation>报送轮次（编号，或如 2026-03 一上）</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="129" />
      <source>Round {period} {stage} locked. Its root hash {root} is printed on the submission and on every document printed from now on.</source>
      <translation>报送轮次 {period} {stage} 已锁定。其根哈希 {root} 将印在报送材料和此后打印的每份文书上。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="102" />
      <source>Round {period} {stage} taken.</source>
      <translation>已生成报送轮次 {period} {stage}。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="111" />
      <source>Row {row} ({jcbh}): {reason}</source>
      <translation>第 {row} 行（{jcbh}）：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="78" />
      <source>Rows rejected</source>
      <translation>拒绝记录数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="70" />
      <source>Rows stored</source>
      <translation>写入记录数</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="68" />
      <source>Save as CSV…</source>
      <translation>另存为 CSV…</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="148" />
      <source>Save determination</source>
      <translation>保存判定结果</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="81" />
      <source>Save findings</source>
      <translation>保存核验结果</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="112" />
      <source>Save verification</source>
      <translation>保存核查结果</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="337" />
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="42" />
      <source>Sealed</source>
      <translation>封存值</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="84" />
      <source>Search plot number, township, village…</source>
      <translation>搜索监测编号、乡镇、村…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="457" />
      <source>Select a plot in the case panel first.</source>
      <translation>请先在案件面板中选择图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="109" />
      <source>Select a round first.</source>
      <translation>请先选择轮次。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="140" />
      <source>Select a round that has a round before it.</source>
      <translation>请选择有上一轮次的轮次。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="33" />
      <source>Set layer role</source>
      <translation>指定图层类别</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="155" />
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="203" />
      <source>Shapefile (GBK)</source>
      <translation>Shapefile 文件（GBK）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="153" />
      <source>Share covered by the approval</source>
      <translation>批文覆盖比例</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="114" />
      <source>Site status</source>
      <translation>现场状态</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="88" />
      <source>Source</source>
      <translation>数据源</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="50" />
      <source>Source row</source>
      <translation>源记录行号</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="204" />
      <source>Start rectification</source>
      <translation>开始整改</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="167" />
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="212" />
      <source>Statistics period</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="83" />
      <source>Statistics workbook</source>
      <translation>统计表（Excel）</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="508" />
      <source>Statistics written to {path}.</source>
      <translation>统计表已导出至 {path}。</translation>
    </message>
    <message>
      <location filename="../../cases/statistics.py" line="98" />
      <source>Statistics: {reason}</source>
      <translation>统计：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="116" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="151" />
      <source>Sub-type</source>
      <translation>子类</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="63" />
      <source>Submission round {period} {stage}: {reason}</source>
      <translation>报送轮次 {period} {stage}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/locks.py" line="60" />
      <source>Submission round {round} is locked: its data can no longer be changed.</source>
      <translation>报送轮次 {round} 已锁定，其数据不能再更改。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="30" />
      <source>Submission rounds</source>
      <translation>报送轮次</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="148" />
      <source>Submission rounds…</source>
      <translation>报送轮次…</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="60" />
      <source>Suggested determination</source>
      <translation>建议判定</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="218" />
      <source>Table</source>
      <translation>统计表</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="84" />
      <source>Take round {period} {stage}</source>
      <translation>生成报送轮次 {period} {stage}</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Taken at</source>
      <translation>生成时间</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="207" />
      <source>Task list made on</source>
      <translation>任务清单制定日期</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="155" />
      <source>Temporary land use (临时用地)</source>
      <translation>临时用地</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="68" />
      <source>Text encoding</source>
      <translation>文字编码</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="144" />
      <source>Text encoding: {encoding} ({reason})</source>
      <translation>文字编码：{encoding}（{reason}）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="172" />
      <source>The field mapping cannot be used: {problems}</source>
      <translation>字段对应无法使用：{problems}</translation>
    </message>
    <message>
      <location filename="../../layers/plot_filter.py" line="29" />
      <source>The filter expression is not valid: {error}</source>
      <translation>筛选表达式无效：{error}</translation>
    </message>
    <message>
      <location filename="../../layers/plot_filter.py" line="41" />
      <source>The filter expression names fields the plot table does not have: {fields}</source>
      <translation>筛选表达式引用了图斑表中不存在的字段：{fields}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="74" />
      <source>The layer cannot be opened.</source>
      <translation>无法打开图层。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="167" />
      <source>The monthly report could not be written to {path}: {error}</source>
      <translation>无法将月报写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="151" />
      <source>The plot batch cannot be read.</source>
      <translation>无法读取图斑批次。</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="76" />
      <source>The plot needs a number.</source>
      <translation>请填写图斑编号。</translation>
    </message>
    <message>
      <location filename="../../layers/plot_filter.py" line="33" />
      <source>The plot table cannot be read.</source>
      <translation>无法读取图斑表。</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="438" />
      <source>The plot was not saved</source>
      <translation>图斑未保存</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="648" />
      <source>The records are as LandCase left them: {count} audit rows checked, every locked round matches its seal.</source>
      <translation>记录保持 LandCase 写入时的状态：已核验 {count} 条审计记录，各锁定轮次均与其封存值一致。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="94" />
      <source>The reports use {face} ({path}).</source>
      <translation>报告使用字体 {face}（{path}）。</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="32" />
      <source>The selected plots ({count})</source>
      <translation>所选图斑（{count} 个）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="212" />
      <source>The source has no coordinate reference system: name the one it uses.</source>
      <translation>源数据没有坐标参考系，请指定其使用的坐标系。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="502" />
      <source>The workbook was not written</source>
      <translation>工作簿未写入</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="40" />
      <source>The zone suggested is the one of the current map extent. It cannot be changed later.</source>
      <translation>默认投影带取自当前地图范围。建库后不能再更改。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="154" />
      <source>Title number (不动产权证号)</source>
      <translation>不动产权证号</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="72" />
      <source>Top 10 非农化</source>
      <translation>非农化前十乡镇</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="73" />
      <source>Top 10 非粮化</source>
      <translation>非粮化前十乡镇</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="117" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="71" />
      <source>Township quota</source>
      <translation>乡镇考核</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="68" />
      <source>Townships</source>
      <translation>乡镇汇总</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="162" />
      <source>Townships (乡镇)</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="41" />
      <source>Trigger</source>
      <translation>触发器</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="40" />
      <source>TrueType fonts (*.ttf *.ttc *.TTF *.TTC)</source>
      <translation>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="36" />
      <source>Unit name</source>
      <translation>单位名称</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="95" />
      <source>Until then: </source>
      <translation>在此之前：</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="26" />
      <source>Urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="121" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="115" />
      <source>User of the land</source>
      <translation>用地主体</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="86" />
      <source>Verification reports (核查报告)</source>
      <translation>核查报告</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="120" />
      <source>Verified on</source>
      <translation>核查日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="119" />
      <source>Verifier</source>
      <translation>核查人</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="149" />
      <source>Verify audit trail</source>
      <translation>校验审计日志</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="29" />
      <source>Verify records</source>
      <translation>核验记录</translation>
    </message>
    <message>
      <location filename="../../forms/integrity_banner.py" line="27" />
      <source>Verify records…</source>
      <translation>核验记录…</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="48" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="69" />
      <source>Villages</source>
      <translation>村级汇总</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="173" />
      <source>Villages (村)</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="97" />
      <source>Violations (违法宗数)</source>
      <translation>违法宗数</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="208" />
      <source>Write every table to an Excel workbook</source>
      <translation>将全部统计表写入 Excel 工作簿</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="186" />
      <source>Writes the plots of a submission round (一上 or 二上), with their determination and progress as the round's snapshot holds them, in the national field names (JCBH, XZQDM, XZQMC, JCPC, JCMJ, TBMJ, PDLX, …): a GeoPackage, a shapefile in GBK (with its .cpg) and an Excel table, in OUTPUT_FOLDER. ROUND is the round's id or its name, e.g. '2026-03 一上'.</source>
      <translation>将报送轮次（一上或二上）的图斑及其判定结果和办理进展（以该轮次快照为准）按国家字段名（JCBH、XZQDM、XZQMC、JCPC、JCMJ、TBMJ、PDLX 等）写入 OUTPUT_FOLDER：GeoPackage 文件、GBK 编码的 Shapefile（含 .cpg 文件）和 Excel 表格。ROUND 为轮次编号或名称，例如 '2026-03 一上'。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="126" />
      <source>YYYY, YYYY-MM or YYYY-MM-DD/YYYY-MM-DD</source>
      <translation>YYYY、YYYY-MM 或 YYYY-MM-DD/YYYY-MM-DD</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="391" />
      <source>a batch of this name already exists</source>
      <translation>同名批次已存在</translation>
    </message>
    <message>
      <location filename="../../cases/calendar.py" line="115" />
      <source>a calendar day is 'holiday' or 'workday', not {kind}</source>
      <translation>日历日类型应为 'holiday'（放假）或 'workday'（调休上班），而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="117" />
      <source>a case is closed out after a re-inspection found it 整改到位 (the case is {status})</source>
      <translation>复核结果为整改到位后方可销号（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="104" />
      <source>a case is filed or referred after a 违法 determination (the case is {status})</source>
      <translation>判定为违法后方可立案或移交（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="102" />
      <source>a field verification cannot be added once the case is {status}</source>
      <translation>案件状态为 {status}，不能再添加外业核查</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="106" />
      <source>a plot is closed without a case after a determination other than 违法 (the case is {status})</source>
      <translation>判定为违法以外的类别后方可不立案办结（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="443" />
      <source>a plot must be a polygon, not a {kind}</source>
      <translation>图斑必须是面，而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="499" />
      <source>a plot with this 监测编号 is already in the database</source>
      <translation>案件库中已有相同监测编号的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="408" />
      <source>a revised determination needs the reason for the revision</source>
      <translation>修改判定须填写修改原因</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="241" />
      <source>a {category} determination has no sub-type (got {value})</source>
      <translation>判定为{category}不设子类（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="223" />
      <source>a {category} determination needs a sub-type: {allowed}</source>
      <translation>判定为{category}须选择子类：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="573" />
      <source>a 违法 determination cannot be closed without a case: file or refer it</source>
      <translation>判定为违法的不能不立案办结，请立案或移交</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="431" />
      <source>a 违法 determination needs the construction date to tell 新增 from 存量</source>
      <translation>判定为违法须填写建设时间，以区分新增与存量</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="144" />
      <source>added</source>
      <translation>增加</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="119" />
      <source>already in the database; not imported again</source>
      <translation>案件库中已有，未重复导入</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="268" />
      <source>an area must be a number of m², 0 or more (got {value})</source>
      <translation>面积须为不小于 0 的数值，单位平方米（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="665" />
      <source>approvals cover only {share:.1%} of the plot (95 % needed): {numbers}</source>
      <translation>批准用地仅覆盖图斑的 {share:.1%}（须达到 95%）：{numbers}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="601" />
      <source>approvals cover {share:.1%} of the plot: {numbers}</source>
      <translation>批准用地覆盖图斑的 {share:.1%}：{numbers}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="675" />
      <source>approvals were not compared (no approval layer)</source>
      <translation>未比对批准用地（无批准用地图层）</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="59" />
      <source>areas in mu</source>
      <translation>面积单位：亩</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="172" />
      <source>audit row {id} does not match its seal: it was changed or moved</source>
      <translation>审计记录 {id} 与其封签不符：已被修改或移动</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="174" />
      <source>audit row {id} is not linked to row {previous_id}: a row was deleted, re-ordered or re-sealed</source>
      <translation>审计记录 {id} 未与记录 {previous_id} 相链接：有记录被删除、调换顺序或重新封签</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="177" />
      <source>audit row {id} is not sealed while later rows are: it was not written by LandCase's triggers, or its seal was removed</source>
      <translation>审计记录 {id} 未封存而其后的记录已封存：不是 LandCase 触发器写入的，或其封存值被清除</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="181" />
      <source>audit row {id} is only half sealed</source>
      <translation>审计记录 {id} 封签不完整</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="182" />
      <source>audit row {id} no longer matches the seal recorded when round {round} was locked</source>
      <translation>审计记录 {id} 与报送轮次 {round} 锁定时记录的封签不符</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="183" />
      <source>audit row {id}, sealed when round {round} was locked, is missing</source>
      <translation>报送轮次 {round} 锁定时已封签的审计记录 {id} 缺失</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="58" />
      <source>audit row {row_id} ({action} {table} #{target}) does not agree with the data or with the log before it: it was not written by LandCase's triggers, or the data was changed unaudited; it is not sealed</source>
      <translation>审计记录 {row_id}（{action} {table} #{target}）与数据或此前的日志不符：不是 LandCase 触发器写入的，或数据曾被绕过审计修改；未予封存</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="74" />
      <source>audit row {row_id} no longer matches the checkpoint {source}</source>
      <translation>审计记录 {row_id} 与检查点（{source}）不符</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="173" />
      <source>audit rows between {previous_id} and {id} are missing (deleted)</source>
      <translation>审计记录 {previous_id} 与 {id} 之间的记录缺失（已被删除）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="54" />
      <source>audit trail: {reason}</source>
      <translation>审计日志：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="144" />
      <source>changed</source>
      <translation>变更</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="34" />
      <source>e.g. 青山县自然资源局青山所</source>
      <translation>例如：青山县自然资源局青山所</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="110" />
      <source>file the case or refer it to a department before starting the rectification (the case is {status})</source>
      <translation>请先立案或移交主管部门，再开始整改（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="681" />
      <source>filing {number} covers only {share:.1%} of the plot</source>
      <translation>备案 {number} 仅覆盖图斑的 {share:.1%}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="627" />
      <source>filing {number} covers {share:.1%} of the plot</source>
      <translation>备案 {number} 覆盖图斑的 {share:.1%}</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="85" />
      <source>found when the file was opened at {at} (LandCase restored the triggers): {finding}</source>
      <translation>{at} 打开文件时发现（LandCase 已恢复触发器）：{finding}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="142" />
      <source>from the field verification</source>
      <translation>取自外业核查</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="155" />
      <source>geometry repaired: {note}</source>
      <translation>几何图形已修复：{note}</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="99" />
      <source>has characters that GBK cannot encode</source>
      <translation>含有无法用 GBK 编码的字符</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="693" />
      <source>inside the ecological red line {area:.2f} 亩</source>
      <translation>位于生态保护红线内 {area:.2f} 亩</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="105" />
      <source>is longer than the 254 bytes a DBF field holds</source>
      <translation>超过 DBF 字段 254 字节的长度上限</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="288" />
      <source>it is not a JPEG or PNG image</source>
      <translation>不是 JPEG 或 PNG 图像</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="518" />
      <source>its GPS position could not be transformed to EPSG:{srid}</source>
      <translation>其 GPS 位置无法转换到 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="460" />
      <source>its coordinates lie outside the database's CRS (EPSG:{srid})</source>
      <translation>其坐标超出本数据库坐标系（EPSG:{srid}）的范围</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="38" />
      <source>locked row {table} #{row_id} of round {round} is missing (deleted)</source>
      <translation>已锁定轮次 {round} 的记录 {table} #{row_id} 缺失（已被删除）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="34" />
      <source>locked row {table} #{row_id} of round {round} was changed: {fields}</source>
      <translation>已锁定轮次 {round} 的记录 {table} #{row_id} 被修改：{fields}</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="69" />
      <source>locked {at}</source>
      <translation>已于 {at} 锁定</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="73" />
      <source>made</source>
      <translation>已生成</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="673" />
      <source>no approval (批准文号) covers the plot</source>
      <translation>图斑未被任何批准用地（批准文号）覆盖</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="114" />
      <source>no 监测编号</source>
      <translation>缺少监测编号</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="206" />
      <source>not a layer role; the roles are {roles}</source>
      <translation>不是有效的图层类别，可用类别：{roles}</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="144" />
      <source>not a polygon but a {kind}</source>
      <translation>不是面要素，而是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="334" />
      <source>not a role this version knows</source>
      <translation>本版本不支持该图层类别</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="689" />
      <source>occupies 永久基本农田 {area:.2f} 亩</source>
      <translation>占用永久基本农田 {area:.2f} 亩</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="686" />
      <source>occupies 耕地 {area:.2f} 亩</source>
      <translation>占用耕地 {area:.2f} 亩</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="120" />
      <source>only a closed-out case (已销号) becomes a post-closure patrol point (the case is {status})</source>
      <translation>只有已销号的案件才能转为事后巡查点位（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="487" />
      <source>only a 违法 determination leads to a filed or referred case; the current determination is {category}</source>
      <translation>只有判定为违法的才能立案或移交；当前判定为{category}</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="100" />
      <source>overdue {days}</source>
      <translation>超期 {days} 天</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="224" />
      <source>overlaps {other} by {share}% of the smaller plot; check before handling</source>
      <translation>与 {other} 重叠，占较小图斑面积的 {share}%，请核实后处理</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="95" />
      <source>record the field verification before the legality determination (the case is {status})</source>
      <translation>请先录入外业核查，再进行合法性判定（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="98" />
      <source>record the legality determination first (the case is {status})</source>
      <translation>请先录入合法性判定（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="144" />
      <source>removed</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="129" />
      <source>repeats row {first} of the source</source>
      <translation>与源数据第 {first} 行重复</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="71" />
      <source>root hash {root}</source>
      <translation>根哈希 {root}</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="50" />
      <source>round {round} is locked but has no seal: it was locked by another program</source>
      <translation>轮次 {round} 已锁定但没有封存值：由其他程序锁定</translation>
    </message>
    <message>
      <location filename="../../cases/statistics.py" line="1240" />
      <source>round {round} is not a submission: only 一上 and 二上 are exported</source>
      <translation>报送轮次 {round} 不是一上或二上，只能导出一上和二上的成果</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="42" />
      <source>row {table} #{row_id} was added to locked round {round} after it was locked</source>
      <translation>记录 {table} #{row_id} 是在轮次 {round} 锁定后加入的</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="595" />
      <source>some overlaps could not be computed; check the plot</source>
      <translation>部分叠加面积无法计算，请检查图斑</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="114" />
      <source>start the rectification before recording a re-inspection (the case is {status})</source>
      <translation>请先开始整改，再录入复核结果（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="18" />
      <source>table {table} is missing</source>
      <translation>数据表 {table} 缺失</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="650" />
      <source>temporary land use covers {share:.1%} of the plot</source>
      <translation>临时用地覆盖图斑的 {share:.1%}</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="78" />
      <source>the CRS recorded in the database (EPSG:{srid}) differs from {table}'s (EPSG:{found})</source>
      <translation>数据库记录的坐标系（EPSG:{srid}）与 {table} 的坐标系（EPSG:{found}）不一致</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="606" />
      <source>the approval has no approval number (批准文号)</source>
      <translation>批准用地缺少批准文号</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="67" />
      <source>the audit log ends at row {last_id}, but row {row_id} was sealed before (checkpoint {source}): rows at its end were deleted</source>
      <translation>审计日志止于第 {last_id} 条，但第 {row_id} 条此前已封存（检查点：{source}）：日志末尾的记录已被删除</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="720" />
      <source>the case already has a close-out record</source>
      <translation>该案件已有销号记录</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="711" />
      <source>the close-out date is missing</source>
      <translation>未填写销号日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="360" />
      <source>the construction date {value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)</source>
      <translation>建设时间 {value} 不是有效日期（YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="441" />
      <source>the copy in {folder} could not be written ({detail})</source>
      <translation>无法在 {folder} 中写入副本（{detail}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="614" />
      <source>the date the task list was made is missing</source>
      <translation>未填写任务清单制定日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="418" />
      <source>the decision date is missing</source>
      <translation>未填写判定日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="103" />
      <source>the determination cannot be revised once the case is {status}</source>
      <translation>案件状态为 {status}，不能再修改判定结果</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="213" />
      <source>the determination category {value} is not one of {allowed}</source>
      <translation>判定类别 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="428" />
      <source>the file changed while it was being attached</source>
      <translation>添加过程中文件发生了变化</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="283" />
      <source>the file could not be read ({detail})</source>
      <translation>无法读取文件（{detail}）</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="87" />
      <source>the file does not exist</source>
      <translation>文件不存在</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="357" />
      <source>the file {path} does not exist</source>
      <translation>文件 {path} 不存在</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="510" />
      <source>the filing date is missing</source>
      <translation>未填写立案日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="508" />
      <source>the filing number (立案编号) is missing</source>
      <translation>未填写立案编号</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="519" />
      <source>the filing number {value} is already used by plot {other}</source>
      <translation>立案编号 {value} 已被图斑 {other} 使用</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="260" />
      <source>the folder holds no JPEG or PNG file</source>
      <translation>文件夹中没有 JPEG 或 PNG 文件</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="151" />
      <source>the geometry has no area</source>
      <translation>几何图形面积为零</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="136" />
      <source>the geometry is empty</source>
      <translation>几何图形为空</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="449" />
      <source>the geometry is invalid ({detail})</source>
      <translation>几何图形无效（{detail}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="547" />
      <source>the handling department is missing ({allowed})</source>
      <translation>未选择承办部门（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="548" />
      <source>the handling department {value} is not one of {allowed}</source>
      <translation>承办部门 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="632" />
      <source>the land use under the plot is 1202 设施农用地</source>
      <translation>图斑所在地类为 1202 设施农用地</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="128" />
      <source>the later round {latest} already exists: rounds follow each other in order</source>
      <translation>已存在更晚的轮次 {latest}：轮次须按顺序生成</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="342" />
      <source>the layer cannot be opened</source>
      <translation>无法打开图层</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="125" />
      <source>the layer has no coordinate reference system; name the one it uses</source>
      <translation>图层没有坐标参考系，请指定其使用的坐标系</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="366" />
      <source>the layer has no field {name} (for {key})</source>
      <translation>图层中没有字段 {name}（用于 {key}）</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="115" />
      <source>the layer {name} has no coordinate reference system; set it in the layer properties, then assign the role again</source>
      <translation>图层 {name} 没有坐标参考系，请在图层属性中设置后重新指定图层类别</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="130" />
      <source>the layer {name} holds {kind}, not polygons</source>
      <translation>图层 {name} 的几何类型为{kind}，不是面</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="100" />
      <source>the layer {source} cannot be opened ({provider})</source>
      <translation>无法打开图层 {source}（{provider}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="609" />
      <source>the measure {value} is not one of {allowed}</source>
      <translation>整改措施 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="712" />
      <source>the name of who closed out is missing</source>
      <translation>未填写销号人</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="417" />
      <source>the name of who decided is missing</source>
      <translation>未填写判定人</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="666" />
      <source>the name of who re-inspected is missing</source>
      <translation>未填写复核人</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="116" />
      <source>the period must be a month written as YYYY-MM</source>
      <translation>月份须按 YYYY-MM 格式填写</translation>
    </message>
    <message>
      <location filename="../../cases/statistics.py" line="152" />
      <source>the period {value} is not a year (YYYY), a month (YYYY-MM) or a date range (YYYY-MM-DD/YYYY-MM-DD, start before end)</source>
      <translation>统计期间 {value} 不是年份（YYYY）、月份（YYYY-MM）或日期范围（YYYY-MM-DD/YYYY-MM-DD，起始日期不得晚于结束日期）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="677" />
      <source>the plot lies on 1202 设施农用地 but no filing covers it</source>
      <translation>图斑位于 1202 设施农用地上，但无设施农用地备案覆盖</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="663" />
      <source>the re-inspection date is missing</source>
      <translation>未填写复核日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="659" />
      <source>the re-inspection result is missing ({allowed})</source>
      <translation>未选择复核结果（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="660" />
      <source>the re-inspection result {value} is not one of {allowed}</source>
      <translation>复核结果 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="602" />
      <source>the rectification needs at least one measure ({allowed})</source>
      <translation>整改须至少选择一项措施（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="550" />
      <source>the referral date is missing</source>
      <translation>未填写移交日期</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="46" />
      <source>the seal of round {round} no longer matches its row seals (root hash {root})</source>
      <translation>轮次 {round} 的封存根哈希 {root} 与各记录的封存值不符</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="329" />
      <source>the site status is missing ({allowed})</source>
      <translation>未选择现场状态（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="330" />
      <source>the site status {value} is not one of {allowed}</source>
      <translation>现场状态 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="118" />
      <source>the stage must be one of 一上, 一下, 二上</source>
      <translation>阶段须为一上、一下、二上之一</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="230" />
      <source>the sub-type {value} is not one of the {category} sub-types: {allowed}</source>
      <translation>子类 {value} 不属于{category}的子类：{allowed}</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="352" />
      <source>the temporary layer {source} is no longer in the project</source>
      <translation>临时图层 {source} 已不在工程中</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="333" />
      <source>the verification date is missing</source>
      <translation>未填写核查日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="332" />
      <source>the verifier's name is missing</source>
      <translation>未填写核查人</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="58" />
      <source>the zip file holds no shapefile, GeoPackage or GeoJSON</source>
      <translation>压缩包中没有 Shapefile、GeoPackage 或 GeoJSON</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="250" />
      <source>the {role} role needs the field {key}</source>
      <translation>{role} 图层类别需要字段 {key}</translation>
    </message>
    <message>
      <location filename="../../cases/statistics.py" line="179" />
      <source>the 新增建设用地占用耕地总面积 must be more than 0 m² (got {value})</source>
      <translation>新增建设用地占用耕地总面积须大于 0 平方米（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/statistics.py" line="301" />
      <source>there is no batch {value}</source>
      <translation>不存在批次 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="470" />
      <source>there is no plot with this id</source>
      <translation>不存在该 ID 的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/statistics.py" line="1306" />
      <source>there is no submission round of this name</source>
      <translation>不存在该名称的报送轮次</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="186" />
      <source>there is no submission round with this id</source>
      <translation>不存在该 ID 的报送轮次</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="184" />
      <source>this case database has no audit hash chain</source>
      <translation>本案件库没有审计哈希链</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="123" />
      <source>this role needs a raster layer (an image)</source>
      <translation>该图层类别需要栅格图层（影像）</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="126" />
      <source>this role needs a vector layer of polygons</source>
      <translation>该图层类别需要面状矢量图层</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="121" />
      <source>this round already exists</source>
      <translation>该轮次已存在</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="481" />
      <source>this verification does not belong to the plot's case</source>
      <translation>该核查记录不属于此图斑的案件</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="22" />
      <source>trigger {trigger} on {table} is missing (it was dropped)</source>
      <translation>数据表 {table} 的触发器 {trigger} 缺失（已被删除）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="26" />
      <source>trigger {trigger} on {table} was changed</source>
      <translation>数据表 {table} 的触发器 {trigger} 已被改动</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="30" />
      <source>trigger {trigger} on {table} was not written by LandCase</source>
      <translation>数据表 {table} 的触发器 {trigger} 不是 LandCase 建立的</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="73" />
      <source>up to date</source>
      <translation>无需更新</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="272" />
      <source>{category} ({subtype}) needs the basis of the determination</source>
      <translation>{category}（{subtype}）须填写判定依据</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="151" />
      <source>{count} cases differ between {a} and {b}.</source>
      <translation>{a} 与 {b} 之间有 {count} 个案件存在差异。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="126" />
      <source>{count} findings {code} (see the plots' overlay)</source>
      <translation>{code}：{count} 项待核实（见图斑的叠加分析结果）</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="30" />
      <source>{count} findings: the case database is no longer as LandCase left it.</source>
      <translation>发现 {count} 个问题：案件数据库已不是 LandCase 写入时的状态。</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="657" />
      <source>{count} findings: {first}</source>
      <translation>发现 {count} 个问题：{first}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="446" />
      <source>{count} need checking (no position or time, or far from the plot).</source>
      <translation>{count} 张需核实（无位置或时间，或距图斑较远）。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="294" />
      <source>{count} overdue</source>
      <translation>超期 {count} 个</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="438" />
      <source>{count} photos attached.</source>
      <translation>已添加 {count} 张照片。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="288" />
      <source>{count} plots</source>
      <translation>共 {count} 个图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="54" />
      <source>{count} plots selected.</source>
      <translation>已选中 {count} 个图斑。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="229" />
      <source>{count} plots written to {folder}</source>
      <translation>已将 {count} 个图斑写入 {folder}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="441" />
      <source>{count} were attached already.</source>
      <translation>{count} 张此前已添加。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="70" />
      <source>{crs} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554).</source>
      <translation>{crs} 不是 CGCS2000 3 度带高斯-克吕格投影坐标系（EPSG:4513 至 EPSG:4554）。</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="243" />
      <source>{key} is not a field of the {role} role (its fields: {known})</source>
      <translation>{key} 不是 {role} 图层类别的字段（可用字段：{known}）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="256" />
      <source>{key} must be one of {allowed} (got {value})</source>
      <translation>{key} 应为 {allowed} 之一（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="101" />
      <source>{kind} deadline: {date}</source>
      <translation>{kind}期限：{date}</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="51" />
      <source>{m2:.1f} m² ({mu:.2f} mu)</source>
      <translation>{m2:.1f} 平方米（{mu:.2f} 亩）</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="510" />
      <source>{made} documents made, {kept} already up to date, in {folder}.</source>
      <translation>已在 {folder} 中生成 {made} 份文书，{kept} 份无需更新。</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="73" />
      <source>{path} already exists. Replace it? Everything in it will be lost.</source>
      <translation>{path} 已存在。是否替换？其中的全部数据将丢失。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="57" />
      <source>{path} already exists; it was not overwritten.</source>
      <translation>{path} 已存在，未被覆盖。</translation>
    </message>
    <message>
      <location filename="../../cases/verification_findings.py" line="37" />
      <source>{path} cannot be read to the end: the file is damaged. Restore it from a copy; the verification cannot tell what changed.</source>
      <translation>{path} 无法完整读取：文件已损坏。请从备份恢复；核验无法判断改动了什么。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="71" />
      <source>{path} does not exist.</source>
      <translation>{path} 不存在。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="42" />
      <source>{path} is a SQLite file but not a LandCase case database.</source>
      <translation>{path} 是 SQLite 文件，但不是卫片执法案件库。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="65" />
      <source>{path} is locked by another program; try again when it has finished. ({reason})</source>
      <translation>{path} 正被其他程序锁定，请待其完成后重试。（{reason}）</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="38" />
      <source>{path} is not a SQLite database file.</source>
      <translation>{path} 不是 SQLite 数据库文件。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="73" />
      <source>{path} is not a TrueType font: OpenType fonts with CFF outlines (.otf, Noto CJK, Source Han) cannot be embedded in the PDFs.</source>
      <translation>{path} 不是 TrueType 字体：CFF 轮廓的 OpenType 字体（.otf、Noto CJK、思源字体）无法嵌入 PDF。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="53" />
      <source>{path} is read-only: LandCase needs to write to the case database and its folder.</source>
      <translation>{path} 为只读：插件需要写入案件库文件及其所在文件夹。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="92" />
      <source>{path} lacks Chinese characters or cannot be read.</source>
      <translation>{path} 缺少中文字符或无法读取。</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="94" />
      <source>{path} was not attached: {reason}</source>
      <translation>{path} 未添加：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="46" />
      <source>{path} was written by a newer LandCase (schema version {found}, this version reads up to {supported}). Update the plugin; the file was not changed.</source>
      <translation>{path} 由更新版本的插件写入（数据库结构版本 {found}，本版本最高支持 {supported}）。请升级插件；文件未作任何改动。</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="126" />
      <source>{path}: table {table} is missing: another program changed the file. Run 'Verify records' (landcase:verifyrecords) on it to see what else changed.</source>
      <translation>{path}：数据表 {table} 缺失，文件已被其他程序改动。请对其运行“核验记录”（landcase:verifyrecords），查看还有哪些改动。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="19" />
      <source>{path}: {reason}</source>
      <translation>{path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="469" />
      <source>{period}: {count} plots</source>
      <translation>{period}：共 {count} 个图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="125" />
      <source>{period}: {plots} plots, {illegal} violations; workbook: {path}</source>
      <translation>{period}：共 {plots} 个图斑，违法 {illegal} 宗；统计表：{path}</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="124" />
      <source>{previous} of the same month must come first</source>
      <translation>须先生成同月的 {previous}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="197" />
      <source>{role}: {reason}</source>
      <translation>{role}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="290" />
      <source>{shown} of {total} plots</source>
      <translation>显示 {shown} / 共 {total} 个图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="110" />
      <source>{value} is not a date (YYYY-MM-DD)</source>
      <translation>{value} 不是有效日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../forms/integrity_banner.py" line="43" />
      <source>… and {count} more</source>
      <translation>……另有 {count} 条</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="261" />
      <source>合法 by 供地手续 needs the number of the land-supply document (划拨决定书 or 出让合同)</source>
      <translation>依供地手续判定合法须填写供地文件编号（划拨决定书或出让合同）</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="248" />
      <source>合法 by 批文 needs the approval number (批准文号)</source>
      <translation>依批文判定合法须填写批准文号</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="252" />
      <source>合法 by 批文 needs the share of the plot the approval covers, more than 0 and at most 1 (got {value})</source>
      <translation>依批文判定合法须填写批文覆盖图斑的比例，应大于 0 且不超过 1（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="268" />
      <source>合法 by 登记发证 needs the title number (不动产权证号)</source>
      <translation>依登记发证判定合法须填写不动产权证号</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="636" />
      <source>备少占多: the plot occupies {occupied:.2f} m², more than the filed {filed:.2f} m²</source>
      <translation>备少占多：图斑占地 {occupied:.2f} 平方米，超过备案面积 {filed:.2f} 平方米</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="292" />
      <source>备少占多: the plot occupies {occupied_m2:.2f} m², more than the filed {filed_m2:.2f} m²</source>
      <translation>备少占多：图斑占地 {occupied_m2:.2f} 平方米，超过备案面积 {filed_m2:.2f} 平方米</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="278" />
      <source>设施农用地 needs the facility-land record number (设施农用地上图入库号)</source>
      <translation>设施农用地须填写设施农用地上图入库号</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="282" />
      <source>设施农用地 needs the filed area in m², more than 0 (got {value})</source>
      <translation>设施农用地须填写备案面积（平方米），且应大于 0（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="465" />
      <source>违法占耕比例 (county flags): denominator {area} 亩 entered for {year} ({source}); the summary tables use the plots' figure.</source>
      <translation>违法占耕比例（县级考核）：分母 {area} 亩，为 {year} 年录入值（{source}）；汇总表采用由图斑计算的值。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="460" />
      <source>违法占耕比例 (county flags): denominator {area} 亩, computed from the plots (none entered for {year}).</source>
      <translation>违法占耕比例（县级考核）：分母 {area} 亩，由图斑计算（未录入 {year} 年数据）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="133" />
      <source>违法占耕比例 denominator of the county accountability: {source}</source>
      <translation>县级考核违法占耕比例的分母：{source}</translation>
    </message>
  </context>
</TS>
