<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LandCase</name>
    <message>
      <location filename="../../plugin/main.py" line="57" />
      <source>&amp;LandCase</source>
      <translation>卫片执法(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="139" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="27" />
      <source>Area (mu)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="24" />
      <source>Batch</source>
      <translation>批次</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="53" />
      <source>CRS</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="153" />
      <source>Cannot open the case database</source>
      <translation>无法打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="32" />
      <source>Case database</source>
      <translation>案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="66" />
      <source>Case panel</source>
      <translation>案件面板</translation>
    </message>
    <message>
      <location filename="../../layers/plot_layer.py" line="90" />
      <source>Cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="67" />
      <source>Choose a file for the database.</source>
      <translation>请选择案件库文件。</translation>
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
      <location filename="../../cases/errors.py" line="61" />
      <source>EPSG:{srid} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554).</source>
      <translation>EPSG:{srid} 不是 CGCS2000 3 度带高斯-克吕格投影坐标系（EPSG:4513 至 EPSG:4554）。</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="49" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="41" />
      <source>LandCase</source>
      <translation>卫片执法</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="33" />
      <source>LandCase cases</source>
      <translation>卫片执法案件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/provider.py" line="24" />
      <source>LandCase land enforcement cases</source>
      <translation>卫片执法与违法用地巡查案件</translation>
    </message>
    <message>
      <source>LandCase needs these Python packages in QGIS's Python: {packages}. Install them (for example: python3 -m pip install --user {packages}) and restart QGIS.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="42" />
      <source>LandCase needs these Python packages in the Python that QGIS uses: {packages}. Install them there (pip, or the OSGeo4W shell on Windows) and restart QGIS.</source>
      <translation>插件需要在 QGIS 所用的 Python 中安装以下软件包：{packages}。请在该 Python 中安装（pip，Windows 下用 OSGeo4W Shell）后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="27" />
      <source>New case database</source>
      <translation>新建案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="62" />
      <source>New case database…</source>
      <translation>新建案件库…</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="62" />
      <source>No case database open.</source>
      <translation>未打开案件库。</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="137" />
      <source>Open case database</source>
      <translation>打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="63" />
      <source>Open case database…</source>
      <translation>打开案件库…</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="174" />
      <source>Opened {path}: {count} plots.</source>
      <translation>已打开 {path}：共 {count} 个图斑。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="56" />
      <source>Overwrite an existing file</source>
      <translation>覆盖已有文件</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="23" />
      <source>Plot number</source>
      <translation>监测编号</translation>
    </message>
    <message>
      <location filename="../../layers/plot_layer.py" line="91" />
      <source>Plots</source>
      <translation>图斑</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="69" />
      <source>Record {record}: {reason}</source>
      <translation>记录 {record}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="45" />
      <source>Search plot number, township, village…</source>
      <translation>搜索监测编号、乡镇、村…</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="28" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="40" />
      <source>The zone suggested is the one of the current map extent. It cannot be changed later.</source>
      <translation>默认投影带取自当前地图范围。建库后不能再更改。</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="25" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="26" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="281" />
      <source>a batch of this name already exists</source>
      <translation>同名批次已存在</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="304" />
      <source>a plot must be a polygon, not a {kind}</source>
      <translation>图斑必须是面，而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="349" />
      <source>a plot with this 监测编号 is already in the database</source>
      <translation>案件库中已有相同监测编号的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="314" />
      <source>the geometry has no area</source>
      <translation>几何图形面积为零</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="300" />
      <source>the geometry is empty</source>
      <translation>几何图形为空</translation>
    </message>
    <message>
      <location filename="../../cases/store.py" line="310" />
      <source>the geometry is invalid ({detail})</source>
      <translation>几何图形无效（{detail}）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="104" />
      <source>{count} plots</source>
      <translation>共 {count} 个图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="79" />
      <source>{crs} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554).</source>
      <translation>{crs} 不是 CGCS2000 3 度带高斯-克吕格投影坐标系（EPSG:4513 至 EPSG:4554）。</translation>
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
      <location filename="../../cases/errors.py" line="46" />
      <source>{path} was written by a newer LandCase (schema version {found}, this version reads up to {supported}). Update the plugin; the file was not changed.</source>
      <translation>{path} 由更新版本的插件写入（数据库结构版本 {found}，本版本最高支持 {supported}）。请升级插件；文件未作任何改动。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="19" />
      <source>{path}: {reason}</source>
      <translation>{path}：{reason}</translation>
    </message>
  </context>
</TS>
