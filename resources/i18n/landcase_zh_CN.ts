<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LandCase</name>
    <message>
      <location filename="../../plugin/main.py" line="91" />
      <source>&amp;LandCase</source>
      <translation>卫片执法(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="208" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="116" />
      <source>Actual use</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="425" />
      <source>Add photos</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="110" />
      <source>Add photos…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="223" />
      <source>Add re-inspection photos…</source>
      <translation type="unfinished" />
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
      <location filename="../../forms/case_dock.py" line="149" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="196" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="131" />
      <source>Approval date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="156" />
      <source>Approval number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="152" />
      <source>Approval number (批准文号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="125" />
      <source>Approved land (批准用地)</source>
      <translation type="unfinished" />
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
      <location filename="../../forms/import_dialog.py" line="78" />
      <source>As the source says</source>
      <translation>按源数据</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="157" />
      <source>Basis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="112" />
      <source>Batch</source>
      <translation>批次</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="70" />
      <source>Batch name</source>
      <translation>批次名称</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="31" />
      <source>Batch {batch}: {imported} of {rows} rows imported; {repaired} repaired, {rejected} rejected, {duplicates} duplicates skipped, {overlaps} overlaps to check.</source>
      <translation>批次 {batch}：共 {rows} 条记录，导入 {imported} 条；修复 {repaired} 条，拒绝 {rejected} 条，跳过重复 {duplicates} 条，重叠待查 {overlaps} 处。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="53" />
      <source>CRS</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="98" />
      <source>CRS of the source</source>
      <translation>源数据坐标系</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="210" />
      <source>Cannot open the case database</source>
      <translation>无法打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="32" />
      <source>Case database</source>
      <translation>案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="111" />
      <source>Case panel</source>
      <translation>案件面板</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="255" />
      <source>Case {jcbh}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../layers/plot_layer.py" line="90" />
      <source>Cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="150" />
      <source>Category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="46" />
      <source>Change type (BGLX)</source>
      <translation>变化类型（BGLX）</translation>
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
      <location filename="../../forms/case_dock.py" line="77" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="89" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="230" />
      <source>Close out (销号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="179" />
      <source>Close without a case</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="244" />
      <source>Closed by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="243" />
      <source>Closed on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="54" />
      <source>Clue source</source>
      <translation>线索来源</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="165" />
      <source>Code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="117" />
      <source>Construction date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="50" />
      <source>Coordinate reference system</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="29" />
      <source>Create case database</source>
      <translation>新建案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="38" />
      <source>Creates an empty LandCase case database (SpatiaLite) in a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554). Without a CRS, the zone of the project's full extent is used. An existing file is kept unless Overwrite is set.</source>
      <translation>新建一个空的案件库（SpatiaLite），坐标系为 CGCS2000 3 度带高斯-克吕格投影（EPSG:4513 至 EPSG:4554）。未指定坐标系时，按工程全图范围所在的投影带选取。已有文件不会被覆盖，除非勾选“覆盖已有文件”。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="65" />
      <source>Creating {path} in EPSG:{srid}</source>
      <translation>正在新建 {path}，坐标系 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="55" />
      <source>Date found</source>
      <translation>发现日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="73" />
      <source>Date the batch was received (YYYY-MM-DD)</source>
      <translation>批次接收日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="98" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="159" />
      <source>Decided by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="160" />
      <source>Decided on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="237" />
      <source>Demolished area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="189" />
      <source>Department reply due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="266" />
      <source>Department reply due {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="118" />
      <source>Description</source>
      <translation>情况描述</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="74" />
      <source>Detect</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="115" />
      <source>Determination</source>
      <translation>判定结果</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="260" />
      <source>Determination: {category} {subtype}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="75" />
      <source>Due within 7 days</source>
      <translation>7 天内到期</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="25" />
      <source>Duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="88" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="181" />
      <source>Earlier image (前时相)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="42" />
      <source>Earlier image date (QSX)</source>
      <translation>前时相（QSX）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="112" />
      <source>Ecological protection red line (生态保护红线)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="179" />
      <source>FIELD_MAP is not valid JSON: {error}</source>
      <translation>FIELD_MAP 不是有效的 JSON：{error}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="136" />
      <source>Facility farmland filings (设施农用地备案)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="147" />
      <source>Facility name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="155" />
      <source>Facility record number (上图入库号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="108" />
      <source>Farmland plot number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="81" />
      <source>Field mapping (JSON)</source>
      <translation>字段对应（JSON）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="109" />
      <source>Field mapping: {mapping}</source>
      <translation>字段对应：{mapping}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="83" />
      <source>Field verification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="106" />
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="62" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="172" />
      <source>File the case</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="156" />
      <source>Filed area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="184" />
      <source>Filed on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="183" />
      <source>Filing number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="85" />
      <source>Filing or referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="86" />
      <source>Geometries repaired</source>
      <translation>修复几何数</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="106" />
      <source>Handle case…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="186" />
      <source>Handling department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="118" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="275" />
      <source>Import failed</source>
      <translation>导入失败</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="279" />
      <source>Import failed; nothing was stored</source>
      <translation>导入失败，未写入任何数据</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="42" />
      <source>Import plot batch</source>
      <translation>导入图斑批次</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="99" />
      <source>Import plot batch…</source>
      <translation>导入图斑批次…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="92" />
      <source>Import report</source>
      <translation>导入报告</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="128" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="50" />
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="95" />
      <source>Land use (地类图斑)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="99" />
      <source>Land-use code (DLBM)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="100" />
      <source>Land-use name (DLMC)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="41" />
      <source>LandCase</source>
      <translation>卫片执法</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="54" />
      <source>LandCase cases</source>
      <translation>卫片执法案件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/provider.py" line="25" />
      <source>LandCase land enforcement cases</source>
      <translation>卫片执法与违法用地巡查案件</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="42" />
      <source>LandCase needs these Python packages in the Python that QGIS uses: {packages}. Install them there (pip, or the OSGeo4W shell on Windows) and restart QGIS.</source>
      <translation>插件需要在 QGIS 所用的 Python 中安装以下软件包：{packages}。请在该 Python 中安装（pip，Windows 下用 OSGeo4W Shell）后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="184" />
      <source>Later image (后时相)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="43" />
      <source>Later image date (HSX)</source>
      <translation>后时相（HSX）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="95" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="239" />
      <source>Legalised area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="84" />
      <source>Legality determination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="232" />
      <source>Make it a post-closure patrol point</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="206" />
      <source>Measures</source>
      <translation type="unfinished" />
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
      <location filename="../../cases/overlay_records.py" line="164" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="100" />
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
      <location filename="../../plugin/main.py" line="96" />
      <source>New case database…</source>
      <translation>新建案件库…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="101" />
      <source>New plot</source>
      <translation>新增图斑</translation>
    </message>
    <message>
      <location filename="../../reports/fonts.py" line="103" />
      <source>No Chinese TrueType font was found for the PDF reports. Install {hint}, or set a TrueType (.ttf/.ttc) Chinese font in the LandCase settings. OpenType fonts with CFF outlines (.otf, Noto CJK, Source Han) cannot be embedded.{tried}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="105" />
      <source>No case database open.</source>
      <translation>未打开案件库。</translation>
    </message>
    <message>
      <location filename="../../cases/calendar.py" line="40" />
      <source>No official holiday calendar for {year}: enter the State Council's holiday arrangement for {year} (holidays and adjusted working days) in the calendar before working-day deadlines in that year can be computed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="208" />
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/main.py" line="194" />
      <source>Open case database</source>
      <translation>打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="97" />
      <source>Open case database…</source>
      <translation>打开案件库…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="243" />
      <source>Open or create a case database first.</source>
      <translation>请先打开或新建案件库。</translation>
    </message>
    <message>
      <location filename="../../layers/photo_layer.py" line="77" />
      <source>Open photo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="90" />
      <source>Open report file</source>
      <translation>打开报告文件</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="235" />
      <source>Opened {path}: {count} plots.</source>
      <translation>已打开 {path}：共 {count} 个图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="73" />
      <source>Overdue only</source>
      <translation>仅显示超期</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="26" />
      <source>Overlap</source>
      <translation>重叠待查</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="89" />
      <source>Overlaps flagged</source>
      <translation>标记重叠数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="56" />
      <source>Overwrite an existing file</source>
      <translation>覆盖已有文件</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="105" />
      <source>Permanent basic farmland (永久基本农田)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="121" />
      <source>Photos</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="425" />
      <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="69" />
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
      <location filename="../../plugin/main.py" line="334" />
      <source>Plot {jcbh} saved.</source>
      <translation>图斑 {jcbh} 已保存。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="256" />
      <source>Plot {jcbh} — status: {status}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="129" />
      <source>Plot {jcbh}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="45" />
      <source>Plots</source>
      <translation>图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="85" />
      <source>Plots imported</source>
      <translation>导入图斑数</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="63" />
      <source>Project layer</source>
      <translation>工程图层</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="130" />
      <source>Project name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="92" />
      <source>QGIS cannot read it as a vector layer</source>
      <translation>QGIS 无法将其作为矢量图层读取</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="236" />
      <source>Re-inspected by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="235" />
      <source>Re-inspected on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="87" />
      <source>Re-inspection and close-out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="240" />
      <source>Re-inspection photos</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="234" />
      <source>Re-inspection result</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="104" />
      <source>Received on</source>
      <translation>接收日期</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="142" />
      <source>Record number (上图入库号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="225" />
      <source>Record re-inspection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/errors.py" line="69" />
      <source>Record {record}: {reason}</source>
      <translation>记录 {record}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="86" />
      <source>Rectification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="115" />
      <source>Red-line area name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="176" />
      <source>Refer to the department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="187" />
      <source>Referred on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="51" />
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
      <location filename="../../forms/plot_form.py" line="56" />
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="182" />
      <source>Responsible unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="238" />
      <source>Restored area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="123" />
      <source>Row {row} ({jcbh}): {reason}</source>
      <translation>第 {row} 行（{jcbh}）：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="87" />
      <source>Rows rejected</source>
      <translation>拒绝记录数</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="148" />
      <source>Save determination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="112" />
      <source>Save verification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="337" />
      <source>Saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="81" />
      <source>Search plot number, township, village…</source>
      <translation>搜索监测编号、乡镇、村…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="347" />
      <source>Select a plot in the case panel first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="153" />
      <source>Share covered by the approval</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="114" />
      <source>Site status</source>
      <translation type="unfinished" />
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
      <location filename="../../forms/case_dialog.py" line="204" />
      <source>Start rectification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="113" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="151" />
      <source>Sub-type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="63" />
      <source>Submission round {period} {stage}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/locks.py" line="60" />
      <source>Submission round {round} is locked: its data can no longer be changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="207" />
      <source>Task list made on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="153" />
      <source>Temporary land use (临时用地)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="77" />
      <source>Text encoding</source>
      <translation>文字编码</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="156" />
      <source>Text encoding: {encoding} ({reason})</source>
      <translation>文字编码：{encoding}（{reason}）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="184" />
      <source>The field mapping cannot be used: {problems}</source>
      <translation>字段对应无法使用：{problems}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="163" />
      <source>The plot batch cannot be read.</source>
      <translation>无法读取图斑批次。</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="76" />
      <source>The plot needs a number.</source>
      <translation>请填写图斑编号。</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="329" />
      <source>The plot was not saved</source>
      <translation>图斑未保存</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="212" />
      <source>The source has no coordinate reference system: name the one it uses.</source>
      <translation>源数据没有坐标参考系，请指定其使用的坐标系。</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="40" />
      <source>The zone suggested is the one of the current map extent. It cannot be changed later.</source>
      <translation>默认投影带取自当前地图范围。建库后不能再更改。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="154" />
      <source>Title number (不动产权证号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="114" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="160" />
      <source>Townships (乡镇)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="119" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="115" />
      <source>User of the land</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="120" />
      <source>Verified on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="119" />
      <source>Verifier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="48" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="171" />
      <source>Villages (村)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/store.py" line="305" />
      <source>a batch of this name already exists</source>
      <translation>同名批次已存在</translation>
    </message>
    <message>
      <location filename="../../cases/calendar.py" line="114" />
      <source>a calendar day is 'holiday' or 'workday', not {kind}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="117" />
      <source>a case is closed out after a re-inspection found it 整改到位 (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="104" />
      <source>a case is filed or referred after a 违法 determination (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="102" />
      <source>a field verification cannot be added once the case is {status}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="106" />
      <source>a plot is closed without a case after a determination other than 违法 (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/store.py" line="328" />
      <source>a plot must be a polygon, not a {kind}</source>
      <translation>图斑必须是面，而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="373" />
      <source>a plot with this 监测编号 is already in the database</source>
      <translation>案件库中已有相同监测编号的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="408" />
      <source>a revised determination needs the reason for the revision</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="241" />
      <source>a {category} determination has no sub-type (got {value})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="223" />
      <source>a {category} determination needs a sub-type: {allowed}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="573" />
      <source>a 违法 determination cannot be closed without a case: file or refer it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="431" />
      <source>a 违法 determination needs the construction date to tell 新增 from 存量</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/intake.py" line="116" />
      <source>already in the database; not imported again</source>
      <translation>案件库中已有，未重复导入</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="268" />
      <source>an area must be a number of m², 0 or more (got {value})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="660" />
      <source>approvals cover only {share:.1%} of the plot (95 % needed): {numbers}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="596" />
      <source>approvals cover {share:.1%} of the plot: {numbers}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="670" />
      <source>approvals were not compared (no approval layer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="115" />
      <source>audit row {id} does not match its seal: it was changed or moved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="120" />
      <source>audit row {id} has lost its seal while later rows are sealed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="117" />
      <source>audit row {id} is not linked to row {previous_id}: a row was deleted, re-ordered or re-sealed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="121" />
      <source>audit row {id} is only half sealed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="122" />
      <source>audit row {id} no longer matches the seal recorded when round {round} was locked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="123" />
      <source>audit row {id}, sealed when round {round} was locked, is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="116" />
      <source>audit rows between {previous_id} and {id} are missing (deleted)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="110" />
      <source>file the case or refer it to a department before starting the rectification (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="676" />
      <source>filing {number} covers only {share:.1%} of the plot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="622" />
      <source>filing {number} covers {share:.1%} of the plot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="142" />
      <source>from the field verification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/intake.py" line="152" />
      <source>geometry repaired: {note}</source>
      <translation>几何图形已修复：{note}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="688" />
      <source>inside the ecological red line {area:.2f} 亩</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="265" />
      <source>it is not a JPEG or PNG image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="495" />
      <source>its GPS position could not be transformed to EPSG:{srid}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="668" />
      <source>no approval (批准文号) covers the plot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/intake.py" line="111" />
      <source>no 监测编号</source>
      <translation>缺少监测编号</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="204" />
      <source>not a layer role; the roles are {roles}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/intake.py" line="141" />
      <source>not a polygon but a {kind}</source>
      <translation>不是面要素，而是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="332" />
      <source>not a role this version knows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="684" />
      <source>occupies 永久基本农田 {area:.2f} 亩</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="681" />
      <source>occupies 耕地 {area:.2f} 亩</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="120" />
      <source>only a closed-out case (已销号) becomes a post-closure patrol point (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="487" />
      <source>only a 违法 determination leads to a filed or referred case; the current determination is {category}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="100" />
      <source>overdue {days}</source>
      <translation>超期 {days} 天</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="221" />
      <source>overlaps {other} by {share}% of the smaller plot; check before handling</source>
      <translation>与 {other} 重叠，占较小图斑面积的 {share}%，请核实后处理</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="95" />
      <source>record the field verification before the legality determination (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="98" />
      <source>record the legality determination first (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/intake.py" line="126" />
      <source>repeats row {first} of the source</source>
      <translation>与源数据第 {first} 行重复</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="590" />
      <source>some overlaps could not be computed; check the plot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="114" />
      <source>start the rectification before recording a re-inspection (the case is {status})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="645" />
      <source>temporary land use covers {share:.1%} of the plot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="601" />
      <source>the approval has no approval number (批准文号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="720" />
      <source>the case already has a close-out record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="711" />
      <source>the close-out date is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="360" />
      <source>the construction date {value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="418" />
      <source>the copy in {folder} could not be written ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="614" />
      <source>the date the task list was made is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="418" />
      <source>the decision date is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="103" />
      <source>the determination cannot be revised once the case is {status}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="213" />
      <source>the determination category {value} is not one of {allowed}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="405" />
      <source>the file changed while it was being attached</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="260" />
      <source>the file could not be read ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="85" />
      <source>the file does not exist</source>
      <translation>文件不存在</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="336" />
      <source>the file {path} does not exist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="510" />
      <source>the filing date is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="508" />
      <source>the filing number (立案编号) is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="519" />
      <source>the filing number {value} is already used by plot {other}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="237" />
      <source>the folder holds no JPEG or PNG file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/intake.py" line="148" />
      <source>the geometry has no area</source>
      <translation>几何图形面积为零</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="133" />
      <source>the geometry is empty</source>
      <translation>几何图形为空</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="334" />
      <source>the geometry is invalid ({detail})</source>
      <translation>几何图形无效（{detail}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="547" />
      <source>the handling department is missing ({allowed})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="548" />
      <source>the handling department {value} is not one of {allowed}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="627" />
      <source>the land use under the plot is 1202 设施农用地</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="128" />
      <source>the later round {latest} already exists: rounds follow each other in order</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="340" />
      <source>the layer cannot be opened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="123" />
      <source>the layer has no coordinate reference system; name the one it uses</source>
      <translation>图层没有坐标参考系，请指定其使用的坐标系</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="264" />
      <source>the layer has no field {name} (for {key})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="609" />
      <source>the measure {value} is not one of {allowed}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="712" />
      <source>the name of who closed out is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="417" />
      <source>the name of who decided is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="666" />
      <source>the name of who re-inspected is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="116" />
      <source>the period must be a month written as YYYY-MM</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="672" />
      <source>the plot lies on 1202 设施农用地 but no filing covers it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="663" />
      <source>the re-inspection date is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="659" />
      <source>the re-inspection result is missing ({allowed})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="660" />
      <source>the re-inspection result {value} is not one of {allowed}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="602" />
      <source>the rectification needs at least one measure ({allowed})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="550" />
      <source>the referral date is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="329" />
      <source>the site status is missing ({allowed})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="330" />
      <source>the site status {value} is not one of {allowed}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="118" />
      <source>the stage must be one of 一上, 一下, 二上</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="230" />
      <source>the sub-type {value} is not one of the {category} sub-types: {allowed}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="333" />
      <source>the verification date is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/workflow.py" line="332" />
      <source>the verifier's name is missing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="56" />
      <source>the zip file holds no shapefile, GeoPackage or GeoJSON</source>
      <translation>压缩包中没有 Shapefile、GeoPackage 或 GeoJSON</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="248" />
      <source>the {role} role needs the field {key}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="447" />
      <source>there is no plot with this id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="186" />
      <source>there is no submission round with this id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="124" />
      <source>this case database has no audit hash chain</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="121" />
      <source>this round already exists</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/photos.py" line="458" />
      <source>this verification does not belong to the plot's case</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="272" />
      <source>{category} ({subtype}) needs the basis of the determination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="446" />
      <source>{count} need checking (no position or time, or far from the plot).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="279" />
      <source>{count} overdue</source>
      <translation>超期 {count} 个</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="438" />
      <source>{count} photos attached.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="273" />
      <source>{count} plots</source>
      <translation>共 {count} 个图斑</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="441" />
      <source>{count} were attached already.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="79" />
      <source>{crs} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554).</source>
      <translation>{crs} 不是 CGCS2000 3 度带高斯-克吕格投影坐标系（EPSG:4513 至 EPSG:4554）。</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="241" />
      <source>{key} is not a field of the {role} role (its fields: {known})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="254" />
      <source>{key} must be one of {allowed} (got {value})</source>
      <translation type="unfinished" />
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
      <location filename="../../cases/errors.py" line="34" />
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
      <location filename="../../cases/errors.py" line="53" />
      <source>{path} is read-only: LandCase needs to write to the case database and its folder.</source>
      <translation>{path} 为只读：插件需要写入案件库文件及其所在文件夹。</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="71" />
      <source>{path} was not attached: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/errors.py" line="46" />
      <source>{path} was written by a newer LandCase (schema version {found}, this version reads up to {supported}). Update the plugin; the file was not changed.</source>
      <translation>{path} 由更新版本的插件写入（数据库结构版本 {found}，本版本最高支持 {supported}）。请升级插件；文件未作任何改动。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="19" />
      <source>{path}: {reason}</source>
      <translation>{path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="124" />
      <source>{previous} of the same month must come first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="195" />
      <source>{role}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="275" />
      <source>{shown} of {total} plots</source>
      <translation>显示 {shown} / 共 {total} 个图斑</translation>
    </message>
    <message>
      <location filename="../../cases/calendar.py" line="109" />
      <source>{value} is not a date (YYYY-MM-DD)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="261" />
      <source>合法 by 供地手续 needs the number of the land-supply document (划拨决定书 or 出让合同)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="248" />
      <source>合法 by 批文 needs the approval number (批准文号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="252" />
      <source>合法 by 批文 needs the share of the plot the approval covers, more than 0 and at most 1 (got {value})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="268" />
      <source>合法 by 登记发证 needs the title number (不动产权证号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/overlay_records.py" line="631" />
      <source>备少占多: the plot occupies {occupied:.2f} m², more than the filed {filed:.2f} m²</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="292" />
      <source>备少占多: the plot occupies {occupied_m2:.2f} m², more than the filed {filed_m2:.2f} m²</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="278" />
      <source>设施农用地 needs the facility-land record number (设施农用地上图入库号)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="282" />
      <source>设施农用地 needs the filed area in m², more than 0 (got {value})</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
